package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.infrastructure.PatientStateStore.PatientRecords;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads many patients' states on two connections at once: the caller's, and a second one that
 * imports the caller's transaction snapshot ({@code pg_export_snapshot}, {@code SET TRANSACTION
 * SNAPSHOT}). The pseudonyms are cut into a few parts; each reader claims the next part, reads and
 * parses it on its own thread, until none is left. The index probes and heap visits of 10,000
 * subjects were half of a release decision, on one core of the database; both readers see exactly
 * the commits the caller's snapshot sees, so the decision is still taken in one snapshot (ADR
 * 0014).
 *
 * <p>The second reader only ever helps: if no thread or connection is free it claims nothing, and a
 * part it claimed but could not read is read again by the caller on its own connection.
 *
 * <p>From 100 pseudonyms, a {@link PatientStateCopy} that can answer for the caller's snapshot is
 * read instead: only what was written since the copy was taken comes from the table (ADR 0015).
 */
public final class SharedSnapshotRead {

  private static final Logger LOG = Logger.getLogger(SharedSnapshotRead.class.getName());
  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");
  private static final int PARTS = 4;
  private static final int SMALLEST_PART = 1_000;

  private static final long NEVER = Long.MIN_VALUE;
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** From how many pseudonyms the copy's two extra round trips cost less than the probes. */
  static final int COPY_FROM = 100;

  private final PatientStateStore store = new PatientStateStore();
  private final AtomicLong lastWarning = new AtomicLong(NEVER);
  private final DataSource helpers;
  private final Executor executor;
  private final PatientStateCopy copy;

  /**
   * Helpers read on connections of {@code helpers} (outside JTA) on threads of {@code executor};
   * {@code copy} is read instead when it can answer.
   */
  public SharedSnapshotRead(DataSource helpers, Executor executor, PatientStateCopy copy) {
    this.helpers = helpers;
    this.executor = executor;
    this.copy = copy;
  }

  /**
   * The enrolled patients among {@code psns} of {@code jurisdiction} (all if null) as {@link
   * PatientStateStore#of(Connection, java.util.Collection, String, Function)} reads them, each
   * passed through {@code then} (pure computation: it may run on the helper's thread), in the
   * snapshot of {@code connection}, which must be in a REPEATABLE READ transaction.
   */
  public <T> List<T> of(
      Connection connection,
      List<String> psns,
      String jurisdiction,
      Function<PatientRecords, T> then)
      throws SQLException {
    return start(connection, psns, jurisdiction, then).finish(connection);
  }

  /**
   * Starts the same read: a large one exports the caller's snapshot and has the helper begin at
   * once, while the caller's connection does other work in its transaction (the release gate reads
   * its grounds meanwhile); {@link Reading#finish} joins in. A small read happens in {@code
   * finish}, on the caller's connection only.
   */
  public <T> Reading<T> start(
      Connection connection,
      List<String> psns,
      String jurisdiction,
      Function<PatientRecords, T> then)
      throws SQLException {
    if (psns.size() >= COPY_FROM) {
      Optional<List<PatientEntries.Entry>> copied = copy.read(connection, psns);
      if (copied.isPresent()) {
        return new Reading<>(null, copied.get(), jurisdiction, then, psns);
      }
    }
    if (psns.size() < ConsentParallelism.FROM) {
      return new Reading<>(null, null, jurisdiction, then, psns);
    }
    Parts<T> parts = new Parts<>(psns);
    String snapshot = exportSnapshot(connection);
    try {
      executor.execute(() -> help(snapshot, parts, jurisdiction, then));
    } catch (RejectedExecutionException busy) {
      // No thread free: the caller reads every part.
    }
    return new Reading<>(parts, null, jurisdiction, then, psns);
  }

  /** A read under way: finished by the caller, or abandoned if its result is not needed. */
  public final class Reading<T> {
    private final Parts<T> parts;
    private final List<PatientEntries.Entry> copied;
    private final String jurisdiction;
    private final Function<PatientRecords, T> then;
    private final List<String> psns;

    private Reading(
        Parts<T> parts,
        List<PatientEntries.Entry> copied,
        String jurisdiction,
        Function<PatientRecords, T> then,
        List<String> psns) {
      this.parts = parts;
      this.copied = copied;
      this.jurisdiction = jurisdiction;
      this.then = then;
      this.psns = psns;
    }

    /**
     * Reads the parts no one has claimed on {@code connection} (the one the read started on), then
     * waits for the helper's; a part it could not read is read again here.
     */
    public List<T> finish(Connection connection) throws SQLException {
      if (copied != null) {
        return (copied.size() >= ConsentParallelism.FROM
                ? copied.parallelStream()
                : copied.stream())
            .filter(entry -> PatientEntries.inJurisdiction(entry, jurisdiction))
            .map(entry -> then.apply(PatientEntries.decode(entry)))
            .toList();
      }
      if (parts == null) {
        return store.of(connection, psns, jurisdiction, then);
      }
      for (int part = parts.claim(); part >= 0; part = parts.claim()) {
        parts.done(part, store.inOrder(connection, parts.psns(part), jurisdiction, then));
      }
      List<T> read = new ArrayList<>(psns.size());
      for (int part = 0; part < parts.count(); part++) {
        List<T> done = parts.await(part);
        read.addAll(
            done != null ? done : store.inOrder(connection, parts.psns(part), jurisdiction, then));
      }
      return read;
    }

    /**
     * Stops the helper after the part it is reading (the caller was refused, or decided without the
     * subjects). Harmless after {@link #finish}.
     */
    public void abandon() {
      if (parts != null) {
        parts.abandon();
      }
    }
  }

  /** The helper: claims and reads parts in the caller's snapshot until none is left or it fails. */
  private <T> void help(
      String snapshot, Parts<T> parts, String jurisdiction, Function<PatientRecords, T> then) {
    if (!parts.anyLeft()) {
      return;
    }
    int part = -1;
    try (Connection helper = helpers.getConnection()) {
      helper.setAutoCommit(false);
      try {
        try (Statement setup = helper.createStatement()) {
          setup.execute(
              "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
                  + " SET TRANSACTION SNAPSHOT '"
                  + snapshot
                  + "'");
        }
        for (part = parts.claim(); part >= 0; part = parts.claim()) {
          parts.done(part, store.inOrder(helper, parts.psns(part), jurisdiction, then));
        }
      } finally {
        helper.rollback();
        helper.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      // Once abandoned, the caller's transaction may have ended before the snapshot was
      // imported: a failure then is expected, not news for the operator.
      failed(e, parts.abandoned());
    } finally {
      if (part >= 0) {
        parts.done(part, null);
      }
    }
  }

  /**
   * A failed helper costs time, not correctness: the caller reads its part. An operator still needs
   * to hear of it (a snapshot pool that cannot connect makes every large decision slower), so the
   * first failure in ten minutes is a warning and the others are logged at FINE.
   */
  private void failed(Exception e, boolean abandoned) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    boolean warn =
        !abandoned
            && (last == NEVER || now - last >= WARNING_INTERVAL_NANOS)
            && lastWarning.compareAndSet(last, now);
    LOG.log(
        warn ? Level.WARNING : Level.FINE,
        "a second reader of a shared snapshot gave up, so large release decisions read on one"
            + " connection (check the datasource ClinnovaSnapshotDS)",
        e);
  }

  private static String exportSnapshot(Connection connection) throws SQLException {
    try (Statement export = connection.createStatement();
        ResultSet row = export.executeQuery("SELECT pg_export_snapshot()")) {
      row.next();
      String id = row.getString(1);
      if (!SNAPSHOT_ID.matcher(id).matches()) {
        throw new SQLException("unexpected snapshot id " + id);
      }
      return id;
    }
  }

  /** The parts of one read: claimed once each, each done with its rows or null (read again). */
  private static final class Parts<T> {
    private final List<String> psns;
    private final int size;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean abandoned;
    private final List<CompletableFuture<List<T>>> done = new ArrayList<>();

    Parts(List<String> psns) {
      this.psns = psns;
      this.size = Math.max(SMALLEST_PART, (psns.size() + PARTS - 1) / PARTS);
      for (int from = 0; from < psns.size(); from += size) {
        done.add(new CompletableFuture<>());
      }
    }

    int count() {
      return done.size();
    }

    boolean anyLeft() {
      return next.get() < count();
    }

    /** No part is claimed from now on. */
    void abandon() {
      abandoned = true;
      next.set(count());
    }

    boolean abandoned() {
      return abandoned;
    }

    /** The next part no one has claimed, or -1. */
    int claim() {
      int part = next.getAndIncrement();
      return part < count() ? part : -1;
    }

    List<String> psns(int part) {
      return psns.subList(part * size, Math.min(psns.size(), (part + 1) * size));
    }

    /** Completes a part; a second completion (the helper's null after its rows) is ignored. */
    void done(int part, List<T> read) {
      done.get(part).complete(read);
    }

    /** A part's rows, or null if its reader failed or did not finish within a minute. */
    List<T> await(int part) {
      return done.get(part).completeOnTimeout(null, 1, TimeUnit.MINUTES).join();
    }
  }
}
