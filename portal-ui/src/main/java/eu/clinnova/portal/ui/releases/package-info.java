/** The release gate's decisions as compliance officers and committees review them. */
package eu.clinnova.portal.ui.releases;
