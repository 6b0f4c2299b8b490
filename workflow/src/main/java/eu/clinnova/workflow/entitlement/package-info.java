/**
 * Entitlements: access to one dataset through one approved application, for a time; expiry,
 * revocation by the committee, and suspension when the ethics approval ends.
 */
package eu.clinnova.workflow.entitlement;
