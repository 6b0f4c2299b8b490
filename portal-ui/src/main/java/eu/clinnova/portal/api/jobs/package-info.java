/** {@code /api/v1/jobs}: background jobs, followed by whoever started them. */
package eu.clinnova.portal.api.jobs;
