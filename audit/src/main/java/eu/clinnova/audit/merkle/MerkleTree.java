package eu.clinnova.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of RFC 9162 section 2.1 for a tree of a given size, computed from the stored
 * hashes of perfect subtrees. Every range the RFC's recursion visits splits into at most log2(size)
 * perfect subtrees, so no proof rehashes the log: a proof at ten million entries reads a few dozen
 * stored hashes.
 */
public final class MerkleTree {

  private final SubtreeHashes stored;

  public MerkleTree(SubtreeHashes stored) {
    this.stored = stored;
  }

  /** MTH(D[0:size]). */
  public byte[] root(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("negative tree size");
    }
    return size == 0 ? Hashes.emptyRoot() : rangeHash(0, size);
  }

  /** PATH(index, D[0:size]) of RFC 9162 section 2.1.3.1, from the leaf up. */
  public List<byte[]> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(index, 0, size, proof);
    return proof;
  }

  /** PROOF(from, D[0:to]) of RFC 9162 section 2.1.4.1. */
  public List<byte[]> consistencyProof(long from, long to) {
    if (from < 0 || from > to) {
      throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
    }
    List<byte[]> proof = new ArrayList<>();
    if (from > 0 && from < to) {
      subproof(from, 0, to, true, proof);
    }
    return proof;
  }

  private void path(long index, long start, long end, List<byte[]> proof) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = Sizes.largestPowerOfTwoBelow(n);
    if (index < k) {
      path(index, start, start + k, proof);
      proof.add(rangeHash(start + k, end));
    } else {
      path(index - k, start + k, end, proof);
      proof.add(rangeHash(start, start + k));
    }
  }

  /** SUBPROOF(m, D[start:end], b), with m counted from start. */
  private void subproof(long m, long start, long end, boolean complete, List<byte[]> proof) {
    long n = end - start;
    if (m == n) {
      if (!complete) {
        proof.add(rangeHash(start, end));
      }
      return;
    }
    long k = Sizes.largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, start + k, complete, proof);
      proof.add(rangeHash(start + k, end));
    } else {
      subproof(m - k, start + k, end, false, proof);
      proof.add(rangeHash(start, start + k));
    }
  }

  /**
   * MTH(D[start:end]) for the ranges the RFC's recursion produces: {@code start} is a multiple of
   * the largest power of two not above the range's size, so the left part is always a stored
   * perfect subtree.
   */
  byte[] rangeHash(long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1 && start % n == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return stored.hash(level, start >>> level);
    }
    long k = Sizes.largestPowerOfTwoBelow(n);
    return Hashes.node(rangeHash(start, start + k), rangeHash(start + k, end));
  }
}
