package eu.clinnova.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.merkle.Frontier;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two portal instances' sequencers on one database (ADR 0030): one batch at a time, the tree never
 * forks, an entry one instance's caller waits for is found whoever logged it, and a writer that
 * dies mid-batch holds nobody up once its session is gone.
 */
class LogSequencerClusterTest {

  private static final LogStore STORE = new LogStore();
  private static TestDatabase database;
  private static NoteKey key;
  private static LogSequencer first;
  private static LogSequencer second;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("audit");
    key = NoteKey.generate("clinnova.test/cluster");
    // The same key in both, as the deployment shares it through configuration.
    first = sequencer();
    second = sequencer();
  }

  private static LogSequencer sequencer() {
    LogSequencer sequencer =
        new LogSequencer(
            database.app(),
            STORE,
            new CheckpointSigner("clinnova.test/cluster", key),
            Clock.systemUTC());
    sequencer.start(Thread::new);
    return sequencer;
  }

  @AfterAll
  static void stop() throws Exception {
    first.close();
    second.close();
    database.close();
  }

  @Test
  void twoInstancesWritingAtOnceMakeOneTreeWithoutGapsOrDuplicates() throws Exception {
    int writers = 32;
    int perWriter = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<CompletableFuture<LoggedEntry>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      LogSequencer instance = w % 2 == 0 ? first : second;
      int writer = w;
      for (int i = 0; i < perWriter; i++) {
        int n = i;
        if (n % 5 == 0) {
          // Some in a caller's transaction, awaited on the writer's instance: either may log it.
          results.add(
              CompletableFuture.supplyAsync(
                      () -> pendingOn(instance, "LU-" + writer + "-" + n), pool)
                  .thenCompose(future -> future));
        } else {
          results.add(
              CompletableFuture.supplyAsync(
                      () -> instance.submit(LogSequencerTest.event("LU-" + writer + "-" + n)), pool)
                  .thenCompose(future -> future));
        }
      }
    }
    Set<Long> indexes = new HashSet<>();
    NoteVerifier verifier = NoteVerifier.of(key.verifierKey());
    for (CompletableFuture<LoggedEntry> result : results) {
      LoggedEntry entry = result.get(60, TimeUnit.SECONDS);
      assertTrue(indexes.add(entry.index()), "duplicate index " + entry.index());
      // Each caller's checkpoint covers its entry and proves it: no fork seen by any caller.
      Checkpoint checkpoint = Checkpoint.verify(entry.checkpoint(), verifier);
      assertTrue(checkpoint.size() > entry.index());
      try (Connection connection = database.app().getConnection()) {
        assertTrue(
            ProofVerifier.verifyInclusion(
                entry.index(),
                checkpoint.size(),
                entry.leafHash(),
                new LogProofs(STORE).inclusion(connection, entry.index(), checkpoint.size()),
                checkpoint.rootHash()),
            "entry " + entry.index() + " in the tree of size " + checkpoint.size());
      }
    }
    pool.shutdown();
    assertEquals(writers * perWriter, indexes.size());

    try (Connection connection = database.app().getConnection()) {
      long size = STORE.treeSize(connection);
      List<StoredEntry> all = STORE.entries(connection, 0, (int) size);
      Frontier recomputed = Frontier.empty();
      for (int i = 0; i < all.size(); i++) {
        assertEquals(i, all.get(i).index(), "no gap");
        recomputed.append(Hashes.leaf(all.get(i).leaf()));
      }
      Checkpoint newest =
          Checkpoint.verify(
              STORE.latestCheckpoint(connection).orElseThrow().note(),
              NoteVerifier.of(key.verifierKey()));
      assertEquals(size, newest.size());
      assertArrayEquals(recomputed.root(), newest.rootHash());
      // Every checkpoint either instance signed is a prefix of the one tree.
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT tree_size, root_hash FROM audit.checkpoint")) {
        LogProofs proofs = new LogProofs(STORE);
        while (rows.next()) {
          assertArrayEquals(
              proofs.root(connection, rows.getLong(1)),
              rows.getBytes(2),
              "checkpoint " + rows.getLong(1));
        }
      }
      assertEquals(0, count(connection, "SELECT count(*) FROM audit.pending_entry"));
    }
  }

  @Test
  void anEntryAwaitedOnOneInstanceAndLoggedByTheOtherReachesItsCaller() throws Exception {
    CompletableFuture<LoggedEntry> awaitedOnFirst;
    long pendingId;
    try (Connection connection = database.app().getConnection()) {
      connection.setAutoCommit(false);
      pendingId = STORE.insertPending(connection, Instant.now(), LogSequencerTest.event("FR-7001"));
      awaitedOnFirst = first.expect(pendingId);
      connection.commit();
    }
    // Only the second is told; its batch moves the entry out of the pending table.
    second.wake();
    LoggedEntry entry = awaitedOnFirst.get(20, TimeUnit.SECONDS);
    try (Connection connection = database.app().getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT idx FROM audit.entry WHERE pending_id = ?")) {
      query.setLong(1, pendingId);
      try (ResultSet rows = query.executeQuery()) {
        assertTrue(rows.next());
        assertEquals(rows.getLong(1), entry.index());
      }
      assertEquals("FR-7001", STORE.entries(connection, entry.index(), 1).get(0).subjectId());
    }
  }

  @Test
  void aWriterThatDiesMidBatchHoldsNobodyUpOnceItsSessionIsGone() throws Exception {
    // A third instance's batch: it took the writers' lock and then its process died, its session
    // still open on the server.
    Connection stuck = database.app().getConnection();
    stuck.setAutoCommit(false);
    int pid;
    try (Statement statement = stuck.createStatement()) {
      statement.execute(
          "SELECT pg_advisory_xact_lock("
              + LogStore.WRITER_LOCK_CLASS
              + ", "
              + LogStore.WRITER_LOCK_OBJECT
              + ")");
      ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()");
      rows.next();
      pid = rows.getInt(1);
    }
    // While it holds the lock, nobody writes: a durable caller is refused (503), never told a
    // false index, once the batch has waited longer than the lock timeout.
    CompletableFuture<LoggedEntry> refused = first.submit(LogSequencerTest.event("DE-7002"));
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
    assertInstanceOf(AuditLogUnavailableException.class, failure.getCause());

    // The server ends the dead session (as it does when the peer's socket closes): its
    // transaction and lock go with it, and the next batch goes through.
    CompletableFuture<LoggedEntry> next = second.submit(LogSequencerTest.event("DE-7003"));
    try (Connection admin = database.superuser().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("SELECT pg_terminate_backend(" + pid + ")");
    }
    LoggedEntry logged = next.get(30, TimeUnit.SECONDS);
    assertTrue(logged.treeSize() > logged.index());
    // And the first, which failed a batch, writes again from the tree as it now is.
    LoggedEntry after = first.submit(LogSequencerTest.event("DE-7004")).get(30, TimeUnit.SECONDS);
    assertTrue(after.index() > logged.index());
    try (Connection connection = database.app().getConnection()) {
      assertEquals(
          0,
          count(connection, "SELECT count(*) FROM audit.entry WHERE subject_id = 'DE-7002'"),
          "a refused entry is not in the log");
    }
    assertFalse(isOpen(stuck));
  }

  private static CompletableFuture<LoggedEntry> pendingOn(LogSequencer instance, String subject) {
    try (Connection connection = database.app().getConnection()) {
      connection.setAutoCommit(false);
      long id = STORE.insertPending(connection, Instant.now(), LogSequencerTest.event(subject));
      CompletableFuture<LoggedEntry> logged = instance.expect(id);
      connection.commit();
      instance.wake();
      return logged;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static boolean isOpen(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      return true;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }
}
