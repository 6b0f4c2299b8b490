/** The public REST API under {@code /api/v1}, as {@code design/api-contract.md} fixes it. */
package eu.clinnova.portal.api;
