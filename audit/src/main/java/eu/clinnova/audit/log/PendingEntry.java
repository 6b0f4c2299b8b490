package eu.clinnova.audit.log;

import java.time.Instant;

/** An event committed with its caller's transaction, waiting for its index. */
record PendingEntry(long id, Instant occurredAt, AuditEvent event) {}
