package eu.clinnova.audit.log;

/**
 * An entry that is durably in the log: its index, its leaf hash, and the signed checkpoint of the
 * batch that committed it (which covers it: {@code treeSize > index}).
 */
public record LoggedEntry(long index, byte[] leafHash, long treeSize, String checkpoint) {}
