package eu.clinnova.audit.merkle;

/**
 * Where proofs read their hashes: the hash of the perfect subtree at {@code level} and position
 * {@code index}, covering leaves {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 holds
 * the leaf hashes. Stored once when a subtree completes, never recomputed.
 */
@FunctionalInterface
public interface SubtreeHashes {

  byte[] hash(int level, long index);
}
