/** What happens once when the portal is deployed: migrations first, then the engines. */
package eu.clinnova.portal.startup;
