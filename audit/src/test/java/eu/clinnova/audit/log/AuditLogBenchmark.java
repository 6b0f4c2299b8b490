package eu.clinnova.audit.log;

import eu.clinnova.audit.merkle.Frontier;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.audit.verifier.LogSource;
import eu.clinnova.audit.verifier.LogVerifier;
import eu.clinnova.audit.verifier.VerificationReport;
import eu.clinnova.testing.TestDatabase;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The audit log's benchmark (docs/benchmarks.md), one run on one machine:
 *
 * <ol>
 *   <li>the raw PostgreSQL rate of batched INSERTs of the same rows the log writes;
 *   <li>the log's durable append rate and latency with 1, 16 and 64 concurrent writers;
 *   <li>inclusion and consistency proof latency from stored hashes at a large tree size;
 *   <li>the verifier re-checking a log of a million entries;
 *   <li>the compliance replay of a million entries ({@link ReplayBenchmark}).
 * </ol>
 *
 * Run: {@code ./mvnw -pl audit -Pbench verify} (sizes: -Dbench.proofTreeSize,
 * -Dbench.verifyEntries, -Dbench.seconds). PostgreSQL runs with synchronous_commit=on and fsync on:
 * every acknowledged append is on disk.
 */
public final class AuditLogBenchmark {

  private static final Random RANDOM = new Random(42);

  public static void main(String[] args) throws Exception {
    long proofTreeSize = Long.getLong("bench.proofTreeSize", 10_000_000L);
    int verifyEntries = Integer.getInteger("bench.verifyEntries", 1_000_000);
    int seconds = Integer.getInteger("bench.seconds", 10);
    try (TestDatabase database = TestDatabase.migrated("audit")) {
      say(
          "PostgreSQL "
              + version(database.superuser())
              + ", synchronous_commit="
              + setting(database.app(), "synchronous_commit")
              + ", fsync="
              + setting(database.app(), "fsync")
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " cores");
      String parts = System.getProperty("bench.parts", "raw,append,proofs,verifier,replay");
      if (parts.contains("raw")) {
        rawInserts(database);
      }
      if (parts.contains("append")) {
        durableAppends(database, seconds);
      }
      if (parts.contains("proofs")) {
        proofs(database, proofTreeSize);
      }
      if (parts.contains("verifier")) {
        verifier(database, verifyEntries);
      }
      if (parts.contains("replay")) {
        ReplayBenchmark.run(database, verifyEntries);
      }
    }
  }

  /**
   * Batched INSERTs of entry rows, tree rows and a checkpoint, as the sequencer writes them,
   * without it.
   */
  static void rawInserts(TestDatabase database) throws Exception {
    for (int batchSize : new int[] {64, 500}) {
      createDatabase(database, "raw" + batchSize);
      DataSource raw = database.on(TestDatabase.APP, "raw" + batchSize);
      LogStore store = new LogStore();
      Frontier frontier = Frontier.empty();
      int total = 200_000;
      long start = System.nanoTime();
      try (Connection connection = raw.getConnection()) {
        connection.setAutoCommit(false);
        for (int done = 0; done < total; done += batchSize) {
          List<StoredEntry> entries = new ArrayList<>();
          List<Frontier.Node> nodes = new ArrayList<>();
          for (int i = 0; i < batchSize; i++) {
            entries.add(entry(frontier, nodes, event(done + i)));
          }
          store.append(
              connection, new LogStore.Batch(entries, nodes, checkpoint(frontier), List.of()));
          connection.commit();
        }
      }
      double rate = total / ((System.nanoTime() - start) / 1e9);
      say(
          String.format(
              "raw batched INSERT, %d entries per commit: %,.0f entries/s", batchSize, rate));
    }
  }

  static void durableAppends(TestDatabase database, int seconds) throws Exception {
    NoteKey key = NoteKey.generate("bench/audit");
    for (int writers : new int[] {1, 16, 64}) {
      createDatabase(database, "append" + writers);
      try (LogSequencer sequencer =
          new LogSequencer(
              database.on(TestDatabase.APP, "append" + writers),
              new LogStore(),
              new CheckpointSigner("bench/audit", key),
              Clock.systemUTC())) {
        sequencer.start(Thread::new);
        sequencer.submit(event(0)).get(30, TimeUnit.SECONDS);
        AtomicBoolean measuring = new AtomicBoolean(true);
        AtomicBoolean recording = new AtomicBoolean(false);
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
          long[] mine = new long[100_000 * Math.max(1, seconds / 10) + 1];
          latencies.add(mine);
          int writer = w;
          new Thread(
                  () -> {
                    int n = 0;
                    long serial = 0;
                    try {
                      while (measuring.get() && n < mine.length - 1) {
                        long t0 = System.nanoTime();
                        sequencer
                            .submit(event(writer * 10_000_000L + serial++))
                            .get(30, TimeUnit.SECONDS);
                        if (recording.get()) {
                          mine[n++] = System.nanoTime() - t0;
                        }
                      }
                    } catch (Exception e) {
                      e.printStackTrace();
                    } finally {
                      mine[mine.length - 1] = n;
                      done.countDown();
                    }
                  })
              .start();
        }
        // Warm-up (threads, JIT, the new database's first pages), then the measured window.
        Thread.sleep(2_000);
        recording.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        recording.set(false);
        double window = (System.nanoTime() - start) / 1e9;
        measuring.set(false);
        done.await();
        double elapsed = window;
        long[] all = merge(latencies);
        say(
            String.format(
                "durable appends, %2d writers: %,.0f appends/s; latency to durable p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d appends in %.1f s)",
                writers,
                all.length / elapsed,
                percentile(all, 50),
                percentile(all, 99),
                percentile(all, 100),
                all.length,
                elapsed));
      }
    }
  }

  /**
   * A tree of {@code size} random leaves, stored hashes only (what proofs read), written by COPY.
   */
  static void proofs(TestDatabase database, long size) throws Exception {
    createDatabase(database, "proofs");
    DataSource proofsDb = database.on(TestDatabase.APP, "proofs");
    long start = System.nanoTime();
    Frontier frontier = Frontier.empty();
    try (Connection connection = database.on(TestDatabase.OWNER, "proofs").getConnection()) {
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      StringBuilder rows = new StringBuilder();
      byte[] leaf = new byte[32];
      for (long i = 0; i < size; i++) {
        RANDOM.nextBytes(leaf);
        for (Frontier.Node node : frontier.append(Hashes.leaf(leaf))) {
          rows.append(node.level())
              .append('\t')
              .append(node.index())
              .append("\t\\\\x")
              .append(HexFormat.of().formatHex(node.hash()))
              .append('\n');
        }
        if (rows.length() > 8_000_000 || i == size - 1) {
          copy.copyIn(
              "COPY audit.tree_node (level, idx, hash) FROM STDIN",
              new StringReader(rows.toString()));
          rows.setLength(0);
        }
      }
    }
    say(
        String.format(
            "built a tree of %,d leaves (stored hashes only) in %.0f s",
            size, (System.nanoTime() - start) / 1e9));
    byte[] root = frontier.root();
    LogProofs proofs = new LogProofs(new LogStore());
    long[] inclusion = new long[3000];
    long[] consistency = new long[3000];
    try (Connection connection = proofsDb.getConnection()) {
      connection.setReadOnly(true);
      for (int warm = 0; warm < 500; warm++) {
        proofs.inclusion(connection, Math.floorMod(RANDOM.nextLong(), size), size);
      }
      for (int i = 0; i < inclusion.length; i++) {
        long index = Math.floorMod(RANDOM.nextLong(), size);
        long t0 = System.nanoTime();
        List<byte[]> proof = proofs.inclusion(connection, index, size);
        inclusion[i] = System.nanoTime() - t0;
        if (i == 0) {
          check(
              ProofVerifier.verifyInclusion(index, size, hashAt(connection, index), proof, root),
              "inclusion");
        }
      }
      for (int i = 0; i < consistency.length; i++) {
        long from = 1 + Math.floorMod(RANDOM.nextLong(), size - 1);
        long t0 = System.nanoTime();
        proofs.consistency(connection, from, size);
        consistency[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(inclusion);
    Arrays.sort(consistency);
    say(
        String.format(
            "inclusion proofs at %,d entries: p50 %.3f ms, p99 %.3f ms",
            size, percentile(inclusion, 50), percentile(inclusion, 99)));
    say(
        String.format(
            "consistency proofs at %,d entries: p50 %.3f ms, p99 %.3f ms",
            size, percentile(consistency, 50), percentile(consistency, 99)));
  }

  /**
   * A log of real entries (leaves, hashes, checkpoint), re-checked by the verifier from the
   * database.
   */
  static void verifier(TestDatabase database, int entries) throws Exception {
    createDatabase(database, "verify");
    DataSource verifyDb = database.on(TestDatabase.APP, "verify");
    NoteKey key = NoteKey.generate("bench/audit");
    LogStore store = new LogStore();
    writeLog(verifyDb, store, key, entries, AuditLogBenchmark::event);
    // One connection for the whole run, as the server's pooled datasource gives.
    Connection reading = verifyDb.getConnection();
    long start = System.nanoTime();
    VerificationReport report =
        new LogVerifier(source(store, reading), NoteVerifier.of(key.verifierKey()), 64, n -> {})
            .verify(null);
    double elapsed = (System.nanoTime() - start) / 1e9;
    check(report.passed(), "verification: " + report.problems());
    search(store, reading, entries);
    reading.close();
    say(
        String.format(
            "verifier re-checked %,d entries (canonical form, leaf hashes, root, signature, %d inclusion proofs) in %.1f s",
            report.entriesChecked(), report.inclusionProofsChecked(), elapsed));
  }

  /** Writes a log of {@code entries} real entries, {@code event(n)} at index n, signed by key. */
  static void writeLog(
      DataSource db,
      LogStore store,
      NoteKey key,
      int entries,
      java.util.function.LongFunction<AuditEvent> event)
      throws SQLException {
    Frontier frontier = Frontier.empty();
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      for (int done = 0; done < entries; done += 5000) {
        List<StoredEntry> batch = new ArrayList<>();
        List<Frontier.Node> nodes = new ArrayList<>();
        for (int i = 0; i < 5000 && done + i < entries; i++) {
          batch.add(entry(frontier, nodes, event.apply(done + i)));
        }
        byte[] root = frontier.root();
        store.append(
            connection,
            new LogStore.Batch(
                batch,
                nodes,
                new StoredCheckpoint(
                    frontier.size(),
                    root,
                    key.sign(new Checkpoint("bench/audit", frontier.size(), root).body()),
                    Instant.now()),
                List.of()));
        connection.commit();
      }
    }
  }

  /** The log read from the database, as the server's compliance view reads it. */
  static LogSource source(LogStore store, Connection reading) {
    return new LogSource() {
      @Override
      public String checkpoint() throws SQLException {
        return store.latestCheckpoint(reading).orElseThrow().note();
      }

      @Override
      public List<Entry> entries(long start, int limit) throws SQLException {
        return store.entries(reading, start, limit).stream()
            .map(e -> new Entry(e.index(), e.leaf(), null))
            .toList();
      }

      @Override
      public List<byte[]> inclusionProof(long index, long size) throws SQLException {
        return new LogProofs(store).inclusion(reading, index, size);
      }

      @Override
      public List<byte[]> consistencyProof(long from, long to) throws SQLException {
        return new LogProofs(store).consistency(reading, from, to);
      }
    };
  }

  /** The compliance search on the same log: newest page, filters, and deep keyset pages. */
  static void search(LogStore store, Connection connection, int entries) throws SQLException {
    int tries = 500;
    long[] newest = new long[tries];
    long[] bySubject = new long[tries];
    long[] byActionDeep = new long[tries];
    long[] byTime = new long[tries];
    Instant now = Instant.now();
    for (int i = 0; i < tries; i++) {
      long t0 = System.nanoTime();
      store.search(connection, EntrySearch.newest(50));
      newest[i] = System.nanoTime() - t0;
      String subject = "LU-" + String.format("%07d", Math.floorMod(RANDOM.nextLong(), entries));
      t0 = System.nanoTime();
      store.search(
          connection, new EntrySearch(null, null, null, null, "patient", subject, null, 50));
      bySubject[i] = System.nanoTime() - t0;
      long cursor = Math.floorMod(RANDOM.nextLong(), entries);
      t0 = System.nanoTime();
      store.search(
          connection,
          new EntrySearch(null, null, ACTIONS[i % ACTIONS.length], null, null, null, cursor, 50));
      byActionDeep[i] = System.nanoTime() - t0;
      t0 = System.nanoTime();
      store.search(
          connection,
          new EntrySearch(
              now.minusSeconds(3600), now.minusSeconds(1800), null, null, null, null, null, 50));
      byTime[i] = System.nanoTime() - t0;
    }
    for (long[] sample : new long[][] {newest, bySubject, byActionDeep, byTime}) {
      Arrays.sort(sample);
    }
    say(
        String.format(
            "search at %,d entries, one page of 50: newest p99 %.2f ms; by subject p99 %.2f ms; by action from a random cursor p99 %.2f ms; by time range p99 %.2f ms",
            entries,
            percentile(newest, 99),
            percentile(bySubject, 99),
            percentile(byActionDeep, 99),
            percentile(byTime, 99)));
  }

  private static final String[] ACTIONS = {
    "consent.recorded", "consent.withdrawn", "release.decided", "patient.enrolled"
  };

  static StoredEntry entry(Frontier frontier, List<Frontier.Node> nodes, AuditEvent event) {
    Instant time = Instant.now();
    return LogSequencer.append(frontier, nodes, time, event, LeafEncoding.template(time, event));
  }

  private static StoredCheckpoint checkpoint(Frontier frontier) {
    return new StoredCheckpoint(frontier.size(), frontier.root(), "bench", Instant.now());
  }

  /** A realistic entry: a consent decision with module codes and a form digest. */
  static AuditEvent event(long n) {
    return new AuditEvent(
        new AuditEvent.Actor(
            "0f5e3c1a-7d2b-4b8e-9a61-" + String.format("%012d", n % 1_000_000_000_000L), "patient"),
        ACTIONS[(int) (n % ACTIONS.length)],
        new AuditEvent.Subject("patient", "LU-" + String.format("%07d", n % 10_000_000)),
        Map.of(
            "recordId",
            "rec-" + n,
            "formId",
            "LU-GENERAL",
            "formVersion",
            3,
            "decisions",
            Map.of("CLINICAL-DATA", "permit", "GENETIC", "deny", "AI-TRAINING", "permit"),
            "textSha256",
            "3f0c0e6a5b1d2c4e8f7a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6"));
  }

  static void createDatabase(TestDatabase database, String name) throws Exception {
    database.createDatabase(name, "audit");
  }

  private static byte[] hashAt(Connection connection, long index) throws SQLException {
    return new LogStore()
        .hashes(connection, List.of(new LogStore.Coordinate(0, index)))
        .values()
        .iterator()
        .next();
  }

  private static long[] merge(List<long[]> perWriter) {
    int total = 0;
    for (long[] mine : perWriter) {
      total += (int) mine[mine.length - 1];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] mine : perWriter) {
      int n = (int) mine[mine.length - 1];
      System.arraycopy(mine, 0, all, at, n);
      at += n;
    }
    Arrays.sort(all);
    return all;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static String version(DataSource dataSource) throws SQLException {
    return setting(dataSource, "server_version");
  }

  private static String setting(DataSource dataSource, String name) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SHOW " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }

  static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark self-check failed: " + what);
    }
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
  }
}
