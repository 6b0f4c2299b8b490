package eu.clinnova.audit.log;

import java.time.Instant;

/** A signed checkpoint as stored: the tree size and root it signs, and the note itself. */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant signedAt) {}
