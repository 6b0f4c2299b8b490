package eu.clinnova.audit.log;

import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.audit.canonical.JsonReader;
import eu.clinnova.audit.merkle.Frontier;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log's tables in PostgreSQL (schema {@code audit}). Batches go in as one multi-row INSERT per
 * table (arrays unnested by the server), so a batch costs a handful of statements and one commit
 * whatever its size.
 */
public final class LogStore {

  /** The advisory lock that lets one batch be written at a time: "clin" and the writer. */
  static final int WRITER_LOCK_CLASS = 0x636c696e;

  static final int WRITER_LOCK_OBJECT = 1;

  /** A stored subtree hash's coordinates. */
  public record Coordinate(int level, long index) {}

  /** Everything one sequencer commit adds to the log. */
  record Batch(
      List<StoredEntry> entries,
      List<Frontier.Node> nodes,
      StoredCheckpoint checkpoint,
      List<Long> pendingIds) {}

  public long treeSize(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT coalesce(max(idx) + 1, 0) FROM audit.entry")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The frontier of the stored tree, read from the stored hashes of its perfect subtrees. */
  public Frontier frontier(Connection connection) throws SQLException {
    long size = treeSize(connection);
    List<Coordinate> peaks = new ArrayList<>();
    long start = 0;
    for (int level = 63; level >= 0; level--) {
      if ((size & (1L << level)) != 0) {
        peaks.add(new Coordinate(level, start >>> level));
        start += 1L << level;
      }
    }
    Map<Coordinate, byte[]> hashes = hashes(connection, peaks);
    return Frontier.of(size, (level, index) -> require(hashes, new Coordinate(level, index)));
  }

  /** Reads the stored hashes at the given coordinates in one query. */
  public Map<Coordinate, byte[]> hashes(Connection connection, List<Coordinate> coordinates)
      throws SQLException {
    Map<Coordinate, byte[]> found = new HashMap<>();
    if (coordinates.isEmpty()) {
      return found;
    }
    Short[] levels = new Short[coordinates.size()];
    Long[] indexes = new Long[coordinates.size()];
    for (int i = 0; i < coordinates.size(); i++) {
      levels[i] = (short) coordinates.get(i).level();
      indexes[i] = coordinates.get(i).index();
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT n.level, n.idx, n.hash FROM audit.tree_node n"
                + " JOIN unnest(?::smallint[], ?::bigint[]) AS wanted(level, idx)"
                + " ON n.level = wanted.level AND n.idx = wanted.idx")) {
      query.setArray(1, connection.createArrayOf("smallint", levels));
      query.setArray(2, connection.createArrayOf("bigint", indexes));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(new Coordinate(rows.getShort(1), rows.getLong(2)), rows.getBytes(3));
        }
      }
    }
    return found;
  }

  static byte[] require(Map<Coordinate, byte[]> hashes, Coordinate coordinate) {
    byte[] hash = hashes.get(coordinate);
    if (hash == null) {
      throw new IllegalStateException("the log has no stored hash at " + coordinate);
    }
    return hash;
  }

  /** Writes an event in the caller's transaction; the sequencer gives it its index after commit. */
  public long insertPending(Connection connection, java.time.Instant occurredAt, AuditEvent event)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO audit.pending_entry"
                + " (occurred_at, action, actor_sub, actor_role, subject_type, subject_id, data)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setTimestamp(1, Timestamp.from(occurredAt));
      insert.setString(2, event.action());
      insert.setString(3, event.actor().sub());
      insert.setString(4, event.actor().role());
      insert.setString(5, event.subject().type());
      insert.setString(6, event.subject().id());
      insert.setString(7, CanonicalJson.string(event.data()));
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  /**
   * Inserts {@code events} as pending entries in one statement (a bulk change's thousand entries
   * cost one round trip, not a thousand), in their order.
   */
  public void insertPendingAll(
      Connection connection, java.time.Instant occurredAt, List<AuditEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    int n = events.size();
    String[][] columns = new String[6][n];
    for (int i = 0; i < n; i++) {
      AuditEvent event = events.get(i);
      columns[0][i] = event.action();
      columns[1][i] = event.actor().sub();
      columns[2][i] = event.actor().role();
      columns[3][i] = event.subject().type();
      columns[4][i] = event.subject().id();
      columns[5][i] = CanonicalJson.string(event.data());
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO audit.pending_entry"
                + " (occurred_at, action, actor_sub, actor_role, subject_type, subject_id, data)"
                + " SELECT ?, a, s, r, t, i, d"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " WITH ORDINALITY AS e(a, s, r, t, i, d, n) ORDER BY n")) {
      insert.setTimestamp(1, Timestamp.from(occurredAt));
      for (int c = 0; c < 6; c++) {
        insert.setArray(c + 2, connection.createArrayOf("text", columns[c]));
      }
      insert.executeUpdate();
    }
  }

  /** The oldest committed pending entries. */
  List<PendingEntry> pending(Connection connection, int limit) throws SQLException {
    List<PendingEntry> pending = new ArrayList<>();
    if (limit <= 0) {
      return pending;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, occurred_at, action, actor_sub, actor_role, subject_type, subject_id, data"
                + " FROM audit.pending_entry ORDER BY id LIMIT ?")) {
      query.setInt(1, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          pending.add(
              new PendingEntry(
                  rows.getLong(1),
                  rows.getTimestamp(2).toInstant(),
                  new AuditEvent(
                      new AuditEvent.Actor(rows.getString(4), rows.getString(5)),
                      rows.getString(3),
                      new AuditEvent.Subject(rows.getString(6), rows.getString(7)),
                      JsonReader.object(rows.getString(8)))));
        }
      }
    }
    return pending;
  }

  void append(Connection connection, Batch batch) throws SQLException {
    int n = batch.entries().size();
    Long[] indexes = new Long[n];
    byte[][] leaves = new byte[n][];
    byte[][] leafHashes = new byte[n][];
    Timestamp[] times = new Timestamp[n];
    String[] actions = new String[n];
    String[] actorSubs = new String[n];
    String[] actorRoles = new String[n];
    String[] subjectTypes = new String[n];
    String[] subjectIds = new String[n];
    // The batch's pending entries come first, in the order of pendingIds; the rest were handed
    // to the sequencer directly and have none.
    Long[] sources = new Long[n];
    for (int i = 0; i < n; i++) {
      StoredEntry entry = batch.entries().get(i);
      sources[i] = i < batch.pendingIds().size() ? batch.pendingIds().get(i) : null;
      indexes[i] = entry.index();
      leaves[i] = entry.leaf();
      leafHashes[i] = entry.leafHash();
      times[i] = Timestamp.from(entry.time());
      actions[i] = entry.action();
      actorSubs[i] = entry.actorSub();
      actorRoles[i] = entry.actorRole();
      subjectTypes[i] = entry.subjectType();
      subjectIds[i] = entry.subjectId();
    }
    int m = batch.nodes().size();
    Short[] levels = new Short[m];
    Long[] nodeIndexes = new Long[m];
    byte[][] hashes = new byte[m][];
    for (int i = 0; i < m; i++) {
      Frontier.Node node = batch.nodes().get(i);
      levels[i] = (short) node.level();
      nodeIndexes[i] = node.index();
      hashes[i] = node.hash();
    }
    // One statement (data-modifying CTEs) and one commit per batch: the sequencer's cost per
    // batch is two round trips, whatever the batch's size.
    try (PreparedStatement insert =
        connection.prepareStatement(
            "WITH entries AS (INSERT INTO audit.entry"
                + " (idx, leaf, leaf_hash, logged_at, action, actor_sub, actor_role, subject_type, subject_id,"
                + " pending_id)"
                + " SELECT * FROM unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::timestamptz[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])),"
                + " nodes AS (INSERT INTO audit.tree_node (level, idx, hash)"
                + " SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])),"
                + " moved AS (DELETE FROM audit.pending_entry WHERE id = ANY(?::bigint[]))"
                + " INSERT INTO audit.checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)")) {
      insert.setArray(1, array(connection, "bigint", indexes));
      insert.setArray(2, array(connection, "bytea", leaves));
      insert.setArray(3, array(connection, "bytea", leafHashes));
      insert.setArray(4, array(connection, "timestamptz", times));
      insert.setArray(5, array(connection, "text", actions));
      insert.setArray(6, array(connection, "text", actorSubs));
      insert.setArray(7, array(connection, "text", actorRoles));
      insert.setArray(8, array(connection, "text", subjectTypes));
      insert.setArray(9, array(connection, "text", subjectIds));
      insert.setArray(10, array(connection, "bigint", sources));
      insert.setArray(11, array(connection, "smallint", levels));
      insert.setArray(12, array(connection, "bigint", nodeIndexes));
      insert.setArray(13, array(connection, "bytea", hashes));
      insert.setArray(14, array(connection, "bigint", batch.pendingIds().toArray(Long[]::new)));
      StoredCheckpoint checkpoint = batch.checkpoint();
      insert.setLong(15, checkpoint.treeSize());
      insert.setBytes(16, checkpoint.rootHash());
      insert.setString(17, checkpoint.note());
      insert.setTimestamp(18, Timestamp.from(checkpoint.signedAt()));
      insert.executeUpdate();
    }
  }

  /**
   * Waits until no other sequencer writes a batch, and keeps them waiting until this transaction
   * ends (ADR 0030): one batch at a time across every instance on the database. A session that dies
   * releases it with its transaction. Waits at most the connection's {@code lock_timeout}.
   */
  void lockForBatch(Connection connection) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, WRITER_LOCK_CLASS);
      lock.setInt(2, WRITER_LOCK_OBJECT);
      lock.executeQuery().close();
    }
  }

  /** The size of the stored tree as its newest checkpoint signs it (0 when the log is empty). */
  long signedSize(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT coalesce(max(tree_size), 0) FROM audit.checkpoint")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * The entries from index {@code from} on that were logged from the given pending rows, by pending
   * id: a batch of another instance may have moved an entry this one's caller waits for.
   */
  Map<Long, StoredEntry> loggedFrom(Connection connection, long from, List<Long> pendingIds)
      throws SQLException {
    Map<Long, StoredEntry> found = new HashMap<>();
    if (pendingIds.isEmpty()) {
      return found;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT idx, leaf, leaf_hash, logged_at, action, actor_sub, actor_role, subject_type,"
                + " subject_id, pending_id FROM audit.entry"
                + " WHERE idx >= ? AND pending_id = ANY(?::bigint[])")) {
      query.setLong(1, from);
      query.setArray(2, connection.createArrayOf("bigint", pendingIds.toArray(Long[]::new)));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getLong(10), storedEntry(rows));
        }
      }
    }
    return found;
  }

  public Optional<StoredCheckpoint> latestCheckpoint(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT tree_size, root_hash, note, signed_at FROM audit.checkpoint"
                    + " ORDER BY tree_size DESC LIMIT 1")) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new StoredCheckpoint(
              rows.getLong(1),
              rows.getBytes(2),
              rows.getString(3),
              rows.getTimestamp(4).toInstant()));
    }
  }

  /** Entries {@code [start, start + limit)} in index order. */
  public List<StoredEntry> entries(Connection connection, long start, int limit)
      throws SQLException {
    List<StoredEntry> entries = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT idx, leaf, leaf_hash, logged_at, action, actor_sub, actor_role, subject_type, subject_id"
                + " FROM audit.entry WHERE idx >= ? ORDER BY idx LIMIT ?")) {
      query.setLong(1, start);
      query.setInt(2, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(storedEntry(rows));
        }
      }
    }
    return entries;
  }

  /** Entries matching {@code search}, newest first, one keyset page. */
  public List<StoredEntry> search(Connection connection, EntrySearch search) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT idx, leaf, leaf_hash, logged_at, action, actor_sub, actor_role, subject_type, subject_id"
                + " FROM audit.entry WHERE true");
    List<Object> parameters = new ArrayList<>();
    if (search.from() != null) {
      sql.append(" AND logged_at >= ?");
      parameters.add(Timestamp.from(search.from()));
    }
    if (search.to() != null) {
      sql.append(" AND logged_at < ?");
      parameters.add(Timestamp.from(search.to()));
    }
    if (search.action() != null) {
      if (search.action().endsWith(".")) {
        sql.append(" AND action >= ? AND action < ?");
        parameters.add(search.action());
        parameters.add(search.action().substring(0, search.action().length() - 1) + "/");
      } else {
        sql.append(" AND action = ?");
        parameters.add(search.action());
      }
    }
    if (search.actorSub() != null) {
      sql.append(" AND actor_sub = ?");
      parameters.add(search.actorSub());
    }
    if (search.subjectType() != null) {
      sql.append(" AND subject_type = ?");
      parameters.add(search.subjectType());
    }
    if (search.subjectId() != null) {
      sql.append(" AND subject_id = ?");
      parameters.add(search.subjectId());
    }
    boolean byTime = search.from() != null || search.to() != null;
    if (search.before() != null) {
      if (byTime) {
        sql.append(
            " AND (logged_at, idx) < (SELECT logged_at, idx FROM audit.entry WHERE idx = ?)");
      } else {
        sql.append(" AND idx < ?");
      }
      parameters.add(search.before());
    }
    // A time range walks the (logged_at, idx) index backwards; otherwise the newest first by
    // index. Entries are appended in (nearly) time order, so both read "newest first".
    sql.append(
        byTime ? " ORDER BY logged_at DESC, idx DESC LIMIT ?" : " ORDER BY idx DESC LIMIT ?");
    parameters.add(search.limit());
    List<StoredEntry> entries = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        query.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(storedEntry(rows));
        }
      }
    }
    return entries;
  }

  private static StoredEntry storedEntry(ResultSet rows) throws SQLException {
    return new StoredEntry(
        rows.getLong(1),
        rows.getBytes(2),
        rows.getBytes(3),
        rows.getTimestamp(4).toInstant(),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        rows.getString(8),
        rows.getString(9));
  }

  private static Array array(Connection connection, String type, Object[] values)
      throws SQLException {
    return connection.createArrayOf(type, values);
  }
}
