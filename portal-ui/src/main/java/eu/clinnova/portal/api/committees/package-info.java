/** {@code /api/v1/committees}: the committees' rules in force, changed by administrators. */
package eu.clinnova.portal.api.committees;
