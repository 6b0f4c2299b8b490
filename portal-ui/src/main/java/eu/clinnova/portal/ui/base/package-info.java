/** What every page shares: the shell, the layout, languages, access control, sign-out. */
package eu.clinnova.portal.ui.base;
