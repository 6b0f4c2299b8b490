package eu.clinnova.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sequencer and the store on a real PostgreSQL, as the application role. */
class LogSequencerTest {

  private static TestDatabase database;
  private static LogSequencer sequencer;
  private static NoteKey key;
  private static final LogStore STORE = new LogStore();

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("audit");
    key = NoteKey.generate("clinnova.test/audit");
    sequencer =
        new LogSequencer(
            database.app(),
            STORE,
            new CheckpointSigner("clinnova.test/audit", key),
            Clock.systemUTC());
    sequencer.start(Thread::new);
  }

  @AfterAll
  static void stop() throws Exception {
    sequencer.close();
    database.close();
  }

  static AuditEvent event(String id) {
    return new AuditEvent(
        new AuditEvent.Actor("user-1", "patient"),
        "consent.recorded",
        new AuditEvent.Subject("patient", id),
        Map.of("modules", List.of("GENETIC"), "formVersion", 3));
  }

  @Test
  void concurrentAppendsMakeAGapFreeDuplicateFreeLogWhoseRootTheCheckpointSigns() throws Exception {
    int writers = 64;
    int perWriter = 40;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<CompletableFuture<LoggedEntry>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      for (int i = 0; i < perWriter; i++) {
        int n = i;
        results.add(
            CompletableFuture.supplyAsync(
                    () -> sequencer.submit(event("LU-" + writer + "-" + n)), pool)
                .thenCompose(future -> future));
      }
    }
    Set<Long> indexes = new HashSet<>();
    for (CompletableFuture<LoggedEntry> result : results) {
      LoggedEntry entry = result.get(30, TimeUnit.SECONDS);
      assertTrue(indexes.add(entry.index()), "duplicate index " + entry.index());
      assertTrue(entry.treeSize() > entry.index(), "the checkpoint covers the entry");
    }
    pool.shutdown();

    try (Connection connection = database.app().getConnection()) {
      long size = STORE.treeSize(connection);
      assertTrue(size >= writers * perWriter);
      List<StoredEntry> all = STORE.entries(connection, 0, (int) size);
      Frontier recomputed = Frontier.empty();
      for (int i = 0; i < all.size(); i++) {
        assertEquals(i, all.get(i).index(), "no gap");
        assertArrayEquals(Hashes.leaf(all.get(i).leaf()), all.get(i).leafHash());
        recomputed.append(Hashes.leaf(all.get(i).leaf()));
      }
      StoredCheckpoint latest = STORE.latestCheckpoint(connection).orElseThrow();
      Checkpoint signed = Checkpoint.verify(latest.note(), NoteVerifier.of(key.verifierKey()));
      assertEquals(size, signed.size());
      assertArrayEquals(recomputed.root(), signed.rootHash());
      assertArrayEquals(recomputed.root(), new LogProofs(STORE).root(connection, size));
    }
  }

  @Test
  void anEntryWrittenInACommittedTransactionIsLoggedAfterTheCommit() throws Exception {
    long pendingId;
    CompletableFuture<LoggedEntry> logged;
    try (Connection connection = database.app().getConnection()) {
      connection.setAutoCommit(false);
      pendingId = STORE.insertPending(connection, Instant.now(), event("FR-0042"));
      logged = sequencer.expect(pendingId);
      connection.commit();
    }
    sequencer.wake();
    LoggedEntry entry = logged.get(10, TimeUnit.SECONDS);
    try (Connection connection = database.app().getConnection()) {
      StoredEntry stored = STORE.entries(connection, entry.index(), 1).get(0);
      assertEquals("FR-0042", stored.subjectId());
      String leaf = new String(stored.leaf(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(
          leaf.startsWith("{\"action\":\"consent.recorded\",\"actor\":{\"role\":\"patient\""),
          leaf);
      assertTrue(leaf.contains("\"index\":" + entry.index() + ","), leaf);
      List<byte[]> proof =
          new LogProofs(STORE).inclusion(connection, entry.index(), entry.treeSize());
      Checkpoint checkpoint =
          Checkpoint.verify(entry.checkpoint(), NoteVerifier.of(key.verifierKey()));
      assertTrue(
          ProofVerifier.verifyInclusion(
              entry.index(), checkpoint.size(), entry.leafHash(), proof, checkpoint.rootHash()));
    }
  }

  @Test
  void anEntryOfARolledBackTransactionIsNeverLogged() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      connection.setAutoCommit(false);
      long pendingId = STORE.insertPending(connection, Instant.now(), event("DE-0666"));
      sequencer.expect(pendingId);
      connection.rollback();
      sequencer.forget(pendingId);
    }
    // A later durable append is sequenced after anything pending; the rolled-back one is not there.
    LoggedEntry after = sequencer.submit(event("DE-0667")).get(10, TimeUnit.SECONDS);
    try (Connection connection = database.app().getConnection();
        Statement statement = connection.createStatement()) {
      var rows =
          statement.executeQuery(
              "SELECT count(*) FROM audit.entry WHERE subject_id = 'DE-0666' AND idx <= "
                  + after.index());
      rows.next();
      assertEquals(0, rows.getLong(1));
    }
  }

  @Test
  void theApplicationRoleCanNeitherUpdateNorDeleteNorTruncateTheLog() throws Exception {
    sequencer.submit(event("CH-0001")).get(10, TimeUnit.SECONDS);
    try (Connection connection = database.app().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE audit.entry SET subject_id = 'x' WHERE idx = 0",
              "DELETE FROM audit.entry WHERE idx = 0",
              "TRUNCATE audit.entry",
              "UPDATE audit.tree_node SET hash = hash WHERE level = 0",
              "DELETE FROM audit.checkpoint",
              "DROP TABLE audit.entry")) {
        SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
        assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
      }
    }
  }

  @Test
  void evenTheSchemaOwnerCannotRewriteTheLogWithoutDisablingTheTrigger() throws Exception {
    sequencer.submit(event("CH-0002")).get(10, TimeUnit.SECONDS);
    try (Connection connection = database.owner().getConnection();
        Statement statement = connection.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> statement.execute("UPDATE audit.entry SET action = 'x.y' WHERE idx = 0"));
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      assertThrows(SQLException.class, () -> statement.execute("TRUNCATE audit.checkpoint"));
    }
  }

  @Test
  void searchesPageNewestFirstByKeysetAndFilter() throws Exception {
    for (int i = 0; i < 5; i++) {
      sequencer
          .submit(
              new AuditEvent(
                  new AuditEvent.Actor("steward-9", "data-steward"),
                  i % 2 == 0 ? "patient.enrolled" : "consent.withdrawn",
                  new AuditEvent.Subject("patient", "LU-SEARCH-" + i),
                  Map.of()))
          .get(10, TimeUnit.SECONDS);
    }
    try (Connection connection = database.app().getConnection()) {
      EntrySearch byActor = new EntrySearch(null, null, null, "steward-9", null, null, null, 2);
      List<StoredEntry> first = STORE.search(connection, byActor);
      assertEquals(
          List.of("LU-SEARCH-4", "LU-SEARCH-3"),
          first.stream().map(StoredEntry::subjectId).toList());
      List<StoredEntry> second = STORE.search(connection, byActor.after(first.get(1).index()));
      assertEquals(
          List.of("LU-SEARCH-2", "LU-SEARCH-1"),
          second.stream().map(StoredEntry::subjectId).toList());
      EntrySearch enrolments =
          new EntrySearch(null, null, "patient.", "steward-9", null, null, null, 10);
      assertEquals(3, STORE.search(connection, enrolments).size());
      EntrySearch one = new EntrySearch(null, null, null, null, "patient", "LU-SEARCH-1", null, 10);
      assertEquals("consent.withdrawn", STORE.search(connection, one).get(0).action());
      EntrySearch lastHour =
          new EntrySearch(
              Instant.now().minusSeconds(3600),
              Instant.now().plusSeconds(60),
              null,
              "steward-9",
              null,
              null,
              null,
              2);
      List<StoredEntry> recent = STORE.search(connection, lastHour);
      assertEquals(
          List.of("LU-SEARCH-4", "LU-SEARCH-3"),
          recent.stream().map(StoredEntry::subjectId).toList());
      assertEquals(
          List.of("LU-SEARCH-2", "LU-SEARCH-1"),
          STORE.search(connection, lastHour.after(recent.get(1).index())).stream()
              .map(StoredEntry::subjectId)
              .toList());
      EntrySearch future =
          new EntrySearch(
              Instant.now().plusSeconds(3600), null, null, "steward-9", null, null, null, 10);
      assertTrue(STORE.search(connection, future).isEmpty());
    }
  }

  @Test
  void eventsWithFreeTextAreRefusedBeforeTheyReachTheLog() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AuditEvent(
                new AuditEvent.Actor("u", "patient"),
                "consent.recorded",
                new AuditEvent.Subject("patient", "LU-0001"),
                Map.of("reason", "x".repeat(AuditEvent.MAX_TEXT + 1))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AuditEvent(
                new AuditEvent.Actor("u", "patient"),
                "Consent Recorded",
                new AuditEvent.Subject("p", "1"),
                Map.of()));
    assertFalse(sequencer.latest().isEmpty() && sequencer.latest().get().treeSize() < 0);
  }
}
