/** Settings read from system properties and the environment, with development defaults. */
package eu.clinnova.portal.config;
