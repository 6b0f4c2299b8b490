/**
 * The audit log itself: events, their canonical leaves, the sequencer that gives them indexes in
 * batched, durable commits, storage in PostgreSQL, and proofs from stored hashes.
 */
package eu.clinnova.audit.log;
