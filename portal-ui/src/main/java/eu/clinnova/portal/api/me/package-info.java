/** {@code GET /api/v1/me}: who the server thinks the caller is. */
package eu.clinnova.portal.api.me;
