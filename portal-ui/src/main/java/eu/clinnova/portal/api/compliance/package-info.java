/** {@code /api/v1/compliance}: what compliance officers need beyond the audit log. */
package eu.clinnova.portal.api.compliance;
