package eu.clinnova.audit.log;

import java.time.Instant;

/** An entry as stored: its index, the exact leaf bytes, and the columns searches use. */
public record StoredEntry(
    long index,
    byte[] leaf,
    byte[] leafHash,
    Instant time,
    String action,
    String actorSub,
    String actorRole,
    String subjectType,
    String subjectId) {}
