package eu.clinnova.audit.merkle;

import java.util.HashMap;
import java.util.Map;

/** A tree whose subtree hashes live in a map: what the database stores, for unit tests. */
public final class InMemoryTree implements SubtreeHashes {

  private final Map<String, byte[]> hashes = new HashMap<>();
  private final Frontier frontier = Frontier.empty();

  public void append(byte[] leafBytes) {
    appendHash(Hashes.leaf(leafBytes));
  }

  public void appendHash(byte[] leafHash) {
    for (Frontier.Node node : frontier.append(leafHash)) {
      hashes.put(node.level() + "/" + node.index(), node.hash());
    }
  }

  public Frontier frontier() {
    return frontier;
  }

  @Override
  public byte[] hash(int level, long index) {
    byte[] hash = hashes.get(level + "/" + index);
    if (hash == null) {
      throw new IllegalStateException("no stored hash at level " + level + " index " + index);
    }
    return hash;
  }
}
