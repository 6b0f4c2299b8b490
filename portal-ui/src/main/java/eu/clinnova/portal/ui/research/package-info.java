/** The researcher's pages: the dataset catalogue (applications follow). */
package eu.clinnova.portal.ui.research;
