package eu.clinnova.audit.subjects;

import eu.clinnova.audit.merkle.Hashes;
import java.util.ArrayList;
import java.util.List;

/** RFC 9162 section 2.1 written as the RFC states it, recursively: the tests' reference. */
final class NaiveMerkle {

  private NaiveMerkle() {}

  static byte[] root(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return Hashes.emptyRoot();
    }
    if (leaves.size() == 1) {
      return Hashes.leaf(leaves.get(0));
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return Hashes.node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
  }

  static List<byte[]> path(int m, List<byte[]> leaves) {
    List<byte[]> path = new ArrayList<>();
    if (leaves.size() <= 1) {
      return path;
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    if (m < k) {
      path.addAll(path(m, leaves.subList(0, k)));
      path.add(root(leaves.subList(k, leaves.size())));
    } else {
      path.addAll(path(m - k, leaves.subList(k, leaves.size())));
      path.add(root(leaves.subList(0, k)));
    }
    return path;
  }
}
