package eu.clinnova.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** For random sizes and indexes: generated proofs verify, and any changed byte fails. */
class MerkleTreePropertiesTest {

  private static final int MAX_SIZE = 600;
  private static final InMemoryTree TREE = new InMemoryTree();
  private static final List<byte[]> ROOTS = new ArrayList<>();

  static {
    ROOTS.add(Hashes.emptyRoot());
    for (int i = 0; i < MAX_SIZE; i++) {
      TREE.append(ByteBuffer.allocate(8).putLong(i * 7919L).array());
      ROOTS.add(TREE.frontier().root());
    }
  }

  /** The frontier's incremental root equals the RFC's recursive definition over stored hashes. */
  @Property(tries = 200)
  void incrementalAndRecursiveRootsAgree(@ForAll @IntRange(min = 0, max = MAX_SIZE) int size) {
    assertArrayEquals(ROOTS.get(size), new MerkleTree(TREE).root(size));
  }

  @Property(tries = 300)
  void inclusionProofsVerifyAndTamperedOnesDoNot(
      @ForAll @IntRange(min = 1, max = MAX_SIZE) int size,
      @ForAll @IntRange(min = 0, max = MAX_SIZE - 1) int index,
      @ForAll @IntRange(min = 0, max = 10_000) int flip) {
    Assume.that(index < size);
    List<byte[]> proof = new MerkleTree(TREE).inclusionProof(index, size);
    byte[] leaf = TREE.hash(0, index);
    assertTrue(ProofVerifier.verifyInclusion(index, size, leaf, proof, ROOTS.get(size)));

    assertFalse(
        ProofVerifier.verifyInclusion(index, size, flipped(leaf, flip), proof, ROOTS.get(size)));
    assertFalse(
        ProofVerifier.verifyInclusion(index, size, leaf, proof, flipped(ROOTS.get(size), flip)));
    if (!proof.isEmpty()) {
      List<byte[]> tampered = new ArrayList<>(proof);
      int which = flip % proof.size();
      tampered.set(which, flipped(proof.get(which), flip / 7));
      assertFalse(ProofVerifier.verifyInclusion(index, size, leaf, tampered, ROOTS.get(size)));
    }
    if (size > 1) {
      assertFalse(
          ProofVerifier.verifyInclusion((index + 1) % size, size, leaf, proof, ROOTS.get(size))
              && !java.util.Arrays.equals(TREE.hash(0, (index + 1) % size), leaf));
    }
  }

  @Property(tries = 300)
  void consistencyProofsVerifyAndTamperedOnesDoNot(
      @ForAll @IntRange(min = 1, max = MAX_SIZE) int to,
      @ForAll @IntRange(min = 1, max = MAX_SIZE) int from,
      @ForAll @IntRange(min = 0, max = 10_000) int flip) {
    Assume.that(from <= to);
    List<byte[]> proof = new MerkleTree(TREE).consistencyProof(from, to);
    assertTrue(ProofVerifier.verifyConsistency(from, to, ROOTS.get(from), ROOTS.get(to), proof));
    if (from < to) {
      assertFalse(
          ProofVerifier.verifyConsistency(
              from, to, flipped(ROOTS.get(from), flip), ROOTS.get(to), proof));
      assertFalse(
          ProofVerifier.verifyConsistency(
              from, to, ROOTS.get(from), flipped(ROOTS.get(to), flip), proof));
      List<byte[]> tampered = new ArrayList<>(proof);
      int which = flip % proof.size();
      tampered.set(which, flipped(proof.get(which), flip / 7));
      assertFalse(
          ProofVerifier.verifyConsistency(from, to, ROOTS.get(from), ROOTS.get(to), tampered));
    }
  }

  private static byte[] flipped(byte[] hash, int seed) {
    byte[] copy = hash.clone();
    copy[seed % copy.length] ^= (byte) (1 << (seed % 8));
    return copy;
  }
}
