package eu.clinnova.audit.subjects;

import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.MerkleTree;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One release's subjects as the contract commits to them ("Per-subject proof of a release"): a leaf
 * per subject, the canonical JSON of its commitment and outcome, ordered by the commitment's bytes;
 * the RFC 9162 root over those leaves is the release entry's {@code subjectsRoot}. The leaves name
 * no one: a commitment is the SHA-256 of the release id and the pseudonym, so only who knows both
 * can find a subject's leaf, and the tree proves to a patient that a release did or did not include
 * them without showing them anyone else.
 */
public final class SubjectTree {

  /** From this many subjects, leaves are made on all cores (below, the hand-offs cost more). */
  static final int IN_PARALLEL_FROM = 2_000;

  private final String releaseId;
  private final SubjectLeaf[] leaves;
  private final byte[][][] levels;

  private SubjectTree(String releaseId, SubjectLeaf[] sortedLeaves) {
    this.releaseId = releaseId;
    this.leaves = sortedLeaves;
    this.levels = perfectSubtrees(sortedLeaves);
  }

  /**
   * The tree of a decided release. {@code commitments} are the requested subjects' commitments
   * (computed while the gate read their consent); {@code reasonOf} gives each subject's denial
   * reason, or null when permitted.
   */
  public static SubjectTree of(
      SubjectCommitments commitments, java.util.function.Function<String, String> reasonOf) {
    SubjectLeaf[] leaves = new SubjectLeaf[commitments.size()];
    // A large release's leaves are encoded (and below, hashed) on all cores: the gate waits.
    IntStream each = IntStream.range(0, leaves.length);
    (leaves.length >= IN_PARALLEL_FROM ? each.parallel() : each)
        .forEach(
            i -> {
              String psn = commitments.psn(i);
              leaves[i] =
                  SubjectLeaf.of(
                      psn, commitments.commitment(i), Optional.ofNullable(reasonOf.apply(psn)));
            });
    return new SubjectTree(commitments.releaseId(), leaves);
  }

  /**
   * The tree of leaves as someone served them: checked to be the release's, in order, each subject
   * once.
   *
   * @throws IllegalArgumentException naming the first leaf that is not the named subject's, not in
   *     commitment order, or not canonical
   */
  public static SubjectTree ofServed(String releaseId, List<SubjectLeaf> served) {
    SubjectLeaf[] leaves = served.toArray(SubjectLeaf[]::new);
    for (int i = 0; i < leaves.length; i++) {
      SubjectLeaf leaf = leaves[i];
      if (!Arrays.equals(
          leaf.commitment(), SubjectCommitments.commitment(releaseId, leaf.psnOrThrow()))) {
        throw new IllegalArgumentException(
            "leaf " + i + " is not the commitment of " + leaf.psn() + " to release " + releaseId);
      }
      if (i > 0 && Arrays.compareUnsigned(leaves[i - 1].commitment(), leaf.commitment()) >= 0) {
        throw new IllegalArgumentException("leaf " + i + " is out of commitment order");
      }
    }
    return new SubjectTree(releaseId, leaves);
  }

  public String releaseId() {
    return releaseId;
  }

  public int size() {
    return leaves.length;
  }

  public List<SubjectLeaf> leaves() {
    return List.of(leaves);
  }

  public SubjectLeaf leaf(int index) {
    return leaves[index];
  }

  /** The RFC 9162 root over the leaves: the release entry's {@code subjectsRoot}. */
  public byte[] root() {
    return new MerkleTree(this::stored).root(leaves.length);
  }

  /** The leaf's audit path to the root, leaf first (RFC 9162 section 2.1.3.1). */
  public List<byte[]> inclusionProof(int index) {
    return new MerkleTree(this::stored).inclusionProof(index, leaves.length);
  }

  /**
   * Where {@code psn}'s leaf is: its index if the release included them, else {@code -(insertion
   * point) - 1}, as {@link Arrays#binarySearch} answers.
   */
  public int find(String psn) {
    byte[] commitment = SubjectCommitments.commitment(releaseId, psn);
    int low = 0;
    int high = leaves.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = Arrays.compareUnsigned(leaves[middle].commitment(), commitment);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }

  /**
   * The leaves next to where a commitment absent from the tree would sit: the one before and the
   * one after its insertion point, whichever exist. Both proven at their indexes, adjacent and
   * bracketing the commitment, they show it is not in the tree.
   */
  public List<Integer> neighbours(int insertionPoint) {
    List<Integer> around = new ArrayList<>(2);
    if (insertionPoint > 0) {
      around.add(insertionPoint - 1);
    }
    if (insertionPoint < leaves.length) {
      around.add(insertionPoint);
    }
    return around;
  }

  private byte[] stored(int level, long index) {
    return levels[level][(int) index];
  }

  /**
   * Every perfect subtree's hash, level by level: what {@link MerkleTree} reads its ranges from.
   */
  private static byte[][][] perfectSubtrees(SubjectLeaf[] leaves) {
    List<byte[][]> levels = new ArrayList<>();
    MessageDigest digest = Hashes.sha256();
    byte[][] level = new byte[leaves.length][];
    if (leaves.length >= IN_PARALLEL_FROM) {
      byte[][] hashed = level;
      IntStream.range(0, leaves.length)
          .parallel()
          .forEach(i -> hashed[i] = Hashes.leaf(leaves[i].bytes()));
    } else {
      for (int i = 0; i < leaves.length; i++) {
        digest.update((byte) 0x00);
        level[i] = digest.digest(leaves[i].bytes());
      }
    }
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[level.length / 2][];
      for (int i = 0; i < up.length; i++) {
        digest.update((byte) 0x01);
        digest.update(level[2 * i]);
        up[i] = digest.digest(level[2 * i + 1]);
      }
      levels.add(up);
      level = up;
    }
    return levels.toArray(byte[][][]::new);
  }
}
