package eu.clinnova.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the roots of its perfect subtrees, one per set bit of its size.
 * Appending a leaf yields the subtree hashes that the leaf completes (the leaf itself at level 0,
 * then each parent that becomes perfect), which the log stores, and the root of the new tree.
 * Memory is O(log size); nothing is read back from storage.
 */
public final class Frontier {

  /** A stored subtree hash: level, index at that level, hash. */
  public record Node(int level, long index, byte[] hash) {}

  /** Perfect subtree roots, largest (leftmost) first. */
  private final List<byte[]> peaks;

  private long size;

  private Frontier(long size, List<byte[]> peaks) {
    this.size = size;
    this.peaks = new ArrayList<>(peaks);
  }

  public static Frontier empty() {
    return new Frontier(0, List.of());
  }

  /** The frontier of a stored tree of {@code size}, read from its stored subtree hashes. */
  public static Frontier of(long size, SubtreeHashes stored) {
    List<byte[]> peaks = new ArrayList<>();
    long start = 0;
    for (int level = 63; level >= 0; level--) {
      if ((size & (1L << level)) != 0) {
        peaks.add(stored.hash(level, start >>> level));
        start += 1L << level;
      }
    }
    return new Frontier(size, peaks);
  }

  public long size() {
    return size;
  }

  /** Appends one leaf hash; returns every subtree hash it completes, lowest level first. */
  public List<Node> append(byte[] leafHash) {
    List<Node> completed = new ArrayList<>();
    long index = size;
    completed.add(new Node(0, index, leafHash));
    byte[] carry = leafHash;
    int level = 0;
    // Each trailing one bit of the old size is a peak of that level that now gets a sibling.
    while (((index >>> level) & 1) == 1) {
      byte[] left = peaks.remove(peaks.size() - 1);
      carry = Hashes.node(left, carry);
      level++;
      completed.add(new Node(level, index >>> level, carry));
    }
    peaks.add(carry);
    size++;
    return completed;
  }

  /** The root of the current tree. */
  public byte[] root() {
    if (peaks.isEmpty()) {
      return Hashes.emptyRoot();
    }
    byte[] root = peaks.get(peaks.size() - 1);
    for (int i = peaks.size() - 2; i >= 0; i--) {
      root = Hashes.node(peaks.get(i), root);
    }
    return root;
  }

  public Frontier copy() {
    return new Frontier(size, peaks);
  }
}
