package eu.clinnova.consent.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A copy of {@code consent.patient_state} in memory, exact as of one database snapshot, so that a
 * large release decision need not probe the table once per subject (ADR 0015).
 *
 * <p>Every row says which transaction last wrote it ({@code written_by}, consent migration V9). A
 * decision taken in snapshot D uses a copy taken in snapshot W only if every transaction W sees, D
 * sees too; it then reads from the table the rows D sees written by a transaction W does not see,
 * and takes every other patient from the copy: their rows are the same in both snapshots. So the
 * decision sees exactly what D sees, a withdrawal committed before D included, whatever the copy's
 * age. A copy that cannot answer (none yet, taken after D, too much written since) is not used and
 * the decision reads the table as before.
 *
 * <p>{@link #refresh} brings the copy forward on the portal's schedule: the rows written since are
 * kept beside the bulk of the copy, which is read again once they are many.
 */
public final class PatientStateCopy {

  private static final Logger LOG = Logger.getLogger(PatientStateCopy.class.getName());

  private static final String WRITTEN_SINCE =
      "SELECT "
          + PatientStateStore.COLUMNS
          + " FROM consent.patient_state WHERE written_by >= ?::xid8"
          + " AND NOT pg_visible_in_snapshot(written_by, ?::pg_snapshot)"
          + " ORDER BY written_by LIMIT ?";

  private final int mostWrittenPerDecision;
  private volatile Generation current;
  private volatile HeldBack heldBack;

  /**
   * No whole read before {@code until} (System.nanoTime) unless the capacity is raised above {@code
   * upToCapacity}: after a registry too large to copy, or a failed read.
   */
  private record HeldBack(int upToCapacity, long until) {
    boolean holds(int capacity) {
      return capacity <= upToCapacity && System.nanoTime() - until < 0;
    }
  }

  /** A copy a decision uses unless more than 20,000 rows were written since it was taken. */
  public PatientStateCopy() {
    this(20_000);
  }

  PatientStateCopy(int mostWrittenPerDecision) {
    this.mostWrittenPerDecision = mostWrittenPerDecision;
  }

  /**
   * One copy: the table as of {@code taken}, its bulk in {@code bulk} and the rows written since
   * the bulk was read in {@code written}; {@code previous} is the copy before it (a decision whose
   * snapshot is older than this copy may still use that one).
   */
  private record Generation(
      TransactionSnapshot taken,
      PatientEntries bulk,
      Map<String, byte[]> written,
      Generation previous) {

    /** The patient's entry in this copy, or null if they were not enrolled. */
    PatientEntries.Entry find(String psn) {
      byte[] entry = written.get(psn);
      return entry != null ? new PatientEntries.Entry(entry, 0) : bulk.find(psn);
    }

    Generation alone() {
      return previous == null ? this : new Generation(taken, bulk, written, null);
    }
  }

  /** Whether a copy is loaded (it may still be unusable for a given decision). */
  boolean loaded() {
    return current != null;
  }

  /** Forgets the copy: decisions read the table. */
  public void drop() {
    current = null;
  }

  /**
   * The enrolled patients among {@code psns} as of the snapshot of {@code connection} (which must
   * be in a REPEATABLE READ transaction), in the order asked, or empty if the copy cannot answer
   * for that snapshot. The entries are decoded by {@link PatientEntries#decode}; jurisdictions are
   * not filtered here.
   */
  Optional<List<PatientEntries.Entry>> read(Connection connection, List<String> psns)
      throws SQLException {
    Generation generation = current;
    if (generation == null) {
      return Optional.empty();
    }
    TransactionSnapshot decision = snapshotOf(connection);
    if (!generation.taken.seenBy(decision)) {
      // Taken after the decision's snapshot (a refresh came in between): the one before may do.
      generation = generation.previous;
      if (generation == null || !generation.taken.seenBy(decision)) {
        return Optional.empty();
      }
    }
    Map<String, byte[]> since = writtenSince(connection, generation.taken, mostWrittenPerDecision);
    if (since == null) {
      return Optional.empty();
    }
    List<PatientEntries.Entry> found = new ArrayList<>(psns.size());
    for (String psn : psns) {
      byte[] fresh = since.get(psn);
      PatientEntries.Entry entry =
          fresh != null ? new PatientEntries.Entry(fresh, 0) : generation.find(psn);
      if (entry != null) {
        found.add(entry);
      }
    }
    return Optional.of(found);
  }

  /**
   * Brings the copy up to the database's present, on {@code connection} (outside any other
   * transaction): the rows written since it was taken are added, or the whole table is read again
   * when they are many or there is no copy yet. A registry of more than {@code capacity} patients
   * is not copied.
   */
  public void refresh(Connection connection, int capacity) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (Statement setup = connection.createStatement()) {
        setup.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      TransactionSnapshot now = snapshotOf(connection);
      Generation generation = current;
      Generation next = null;
      if (generation != null && generation.taken.seenBy(now)) {
        // Kept beside the bulk until they are 2% of it (10,000 at least): the map of them is
        // copied on every refresh that adds to it.
        int mostWritten = Math.max(10_000, generation.bulk.size() / 50);
        Map<String, byte[]> since =
            writtenSince(connection, generation.taken, mostWritten - generation.written.size());
        if (since != null) {
          Map<String, byte[]> written = generation.written;
          if (!since.isEmpty()) {
            written = new HashMap<>(generation.written);
            written.putAll(since);
          }
          next = new Generation(now, generation.bulk, written, generation.alone());
        }
      }
      if (next == null) {
        // The old copy goes first: two copies of a large registry need not fit in the heap at
        // once. Decisions read the table meanwhile.
        current = null;
        HeldBack held = heldBack;
        if (generation == null && held != null && held.holds(capacity)) {
          return;
        }
        try {
          next = load(connection, now, capacity);
        } catch (SQLException | RuntimeException e) {
          // Not read whole again every second while it fails (a broken row fails every time).
          heldBack =
              new HeldBack(Integer.MAX_VALUE, System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
          throw e;
        }
      }
      current = next;
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The whole table as of {@code now}, or null (no copy) if it holds too many patients. */
  private Generation load(Connection connection, TransactionSnapshot now, int capacity)
      throws SQLException {
    long started = System.nanoTime();
    int patients;
    try (Statement count = connection.createStatement();
        ResultSet row = count.executeQuery("SELECT count(*) FROM consent.patient_state")) {
      row.next();
      patients = row.getInt(1);
    }
    if (patients > capacity) {
      // Counted again in a few minutes, not every round: counting a large table costs.
      boolean news = heldBack == null || heldBack.upToCapacity() != capacity;
      heldBack = new HeldBack(capacity, System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
      if (news) {
        LOG.info(
            "the consent state copy is off: "
                + patients
                + " patients, more than the "
                + capacity
                + " it may hold (CLINNOVA_STATE_COPY_PATIENTS); release decisions read the table");
      }
      return null;
    }
    heldBack = null;
    PatientEntries bulk = new PatientEntries(patients);
    try (Statement query = connection.createStatement()) {
      query.setFetchSize(10_000);
      try (ResultSet row =
          query.executeQuery(
              "SELECT " + PatientStateStore.COLUMNS + " FROM consent.patient_state")) {
        while (row.next()) {
          bulk.add(row);
        }
      }
    }
    LOG.info(
        String.format(
            "consent state copy: %,d patients, %,d kB, read in %,d ms",
            bulk.size(), bulk.bytes() / 1024, (System.nanoTime() - started) / 1_000_000));
    return new Generation(now, bulk, Map.of(), null);
  }

  /**
   * The rows {@code connection}'s snapshot sees written by transactions {@code taken} does not see,
   * by pseudonym; null if there are more than {@code most}.
   */
  private static Map<String, byte[]> writtenSince(
      Connection connection, TransactionSnapshot taken, int most) throws SQLException {
    if (most <= 0) {
      return null;
    }
    try (PreparedStatement query = connection.prepareStatement(WRITTEN_SINCE)) {
      query.setString(1, Long.toUnsignedString(taken.xmin()));
      query.setString(2, taken.text());
      query.setInt(3, most + 1);
      Map<String, byte[]> rows = new HashMap<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          if (rows.size() == most) {
            return null;
          }
          rows.put(row.getString(1), PatientEntries.encode(row));
        }
      }
      return rows;
    }
  }

  private static TransactionSnapshot snapshotOf(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("SELECT pg_current_snapshot()::text")) {
      row.next();
      return TransactionSnapshot.parse(row.getString(1));
    }
  }
}
