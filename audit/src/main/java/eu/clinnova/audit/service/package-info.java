/**
 * The audit log as the portal uses it: a CDI service that records events inside the caller's JTA
 * transaction or durably on their own, and reads checkpoints, entries and proofs.
 */
package eu.clinnova.audit.service;
