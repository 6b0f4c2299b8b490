/** The data access agreement's versions: read by anyone signed in, published by administrators. */
package eu.clinnova.portal.api.agreements;
