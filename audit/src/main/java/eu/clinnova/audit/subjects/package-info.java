/**
 * Per-subject proofs of a release (the contract's "Per-subject proof of a release"): each subject's
 * commitment and outcome as a canonical leaf, the RFC 9162 tree over them whose root the release's
 * log entry carries, and proofs that a release did or did not include a subject, with their
 * verification from the log's public key alone. No I/O, no framework.
 */
package eu.clinnova.audit.subjects;
