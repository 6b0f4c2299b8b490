/** The dataset catalogue's API. */
package eu.clinnova.portal.api.datasets;
