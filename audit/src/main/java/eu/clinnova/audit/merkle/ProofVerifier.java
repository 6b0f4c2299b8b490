package eu.clinnova.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies inclusion and consistency proofs as RFC 9162 sections 2.1.3.2 and 2.1.4.2 say, with the
 * same answers as Go's {@code transparency-dev/merkle/proof} on its test probes. Indexes and sizes
 * are unsigned 64-bit numbers, as in those probes. Methods return whether the proof holds; they
 * never throw on hostile input.
 */
public final class ProofVerifier {

  private ProofVerifier() {}

  /**
   * Does {@code proof} show that {@code leafHash} is at {@code index} of the tree with {@code
   * root}?
   */
  public static boolean verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (Long.compareUnsigned(index, size) >= 0
        || !allHashes(proof)
        || leafHash.length != Hashes.SIZE) {
      return false;
    }
    if (proof.size() != expectedInclusionLength(index, size)) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Hashes.node(p, r);
        if ((fn & 1) == 0) {
          while (fn != 0 && (fn & 1) == 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = Hashes.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Does {@code proof} show that the tree of {@code size1} is a prefix of the one of {@code size2}?
   */
  public static boolean verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (size1 == 0 || Long.compareUnsigned(size2, size1) < 0 || !allHashes(proof)) {
      // A proof from the empty tree proves nothing; Go's verifier refuses it too.
      return false;
    }
    if (size1 == size2) {
      return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
    }
    if (proof.isEmpty() || !isHash(root1) || !isHash(root2)) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(size1) == 1) {
      path.add(0, root1);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Hashes.node(c, fr);
        sr = Hashes.node(c, sr);
        if ((fn & 1) == 0) {
          while (fn != 0 && (fn & 1) == 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = Hashes.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
  }

  /** The number of hashes in PATH(index, D[size]): inner levels plus the right border. */
  static int expectedInclusionLength(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = Long.bitCount(index >>> inner);
    return inner + border;
  }

  private static boolean allHashes(List<byte[]> proof) {
    return proof != null && proof.stream().allMatch(ProofVerifier::isHash);
  }

  private static boolean isHash(byte[] hash) {
    return hash != null && hash.length == Hashes.SIZE;
  }
}
