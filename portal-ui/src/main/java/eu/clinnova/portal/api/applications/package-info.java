/**
 * The applications API: applications and their files, review tasks, entitlements and notifications,
 * as {@code api-contract.md} fixes them.
 */
package eu.clinnova.portal.api.applications;
