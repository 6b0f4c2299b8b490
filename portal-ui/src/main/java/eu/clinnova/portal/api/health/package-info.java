/** {@code GET /api/v1/health}: can the portal give safe answers right now? */
package eu.clinnova.portal.api.health;
