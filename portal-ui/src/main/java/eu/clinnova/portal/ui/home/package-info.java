/** The home page of each kind of user, and the start page that sends them there. */
package eu.clinnova.portal.ui.home;
