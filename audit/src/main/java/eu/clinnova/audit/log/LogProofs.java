package eu.clinnova.audit.log;

import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.MerkleTree;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Proofs from the stored subtree hashes, in one database round trip each: a first pass of {@link
 * MerkleTree} only records which hashes it needs, one query fetches them, and a second pass
 * computes the proof.
 */
public final class LogProofs {

  private final LogStore store;

  public LogProofs(LogStore store) {
    this.store = store;
  }

  public List<byte[]> inclusion(Connection connection, long index, long size) throws SQLException {
    return withStoredHashes(connection, tree -> tree.inclusionProof(index, size));
  }

  public List<byte[]> consistency(Connection connection, long from, long to) throws SQLException {
    return withStoredHashes(connection, tree -> tree.consistencyProof(from, to));
  }

  public byte[] root(Connection connection, long size) throws SQLException {
    return withStoredHashes(connection, tree -> tree.root(size));
  }

  private <T> T withStoredHashes(Connection connection, Function<MerkleTree, T> compute)
      throws SQLException {
    List<LogStore.Coordinate> needed = new ArrayList<>();
    byte[] placeholder = new byte[Hashes.SIZE];
    compute.apply(
        new MerkleTree(
            (level, index) -> {
              needed.add(new LogStore.Coordinate(level, index));
              return placeholder;
            }));
    Map<LogStore.Coordinate, byte[]> hashes = store.hashes(connection, needed);
    return compute.apply(
        new MerkleTree(
            (level, index) -> LogStore.require(hashes, new LogStore.Coordinate(level, index))));
  }
}
