/** The administrators' pages: the rules the network runs by. */
package eu.clinnova.portal.ui.admin;
