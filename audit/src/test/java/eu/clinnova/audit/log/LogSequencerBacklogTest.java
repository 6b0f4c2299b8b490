package eu.clinnova.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A backlog of pending entries larger than one batch (a bulk import, entries committed while the
 * sequencer was down) is logged to the end without waiting for the next periodic scan. The clock
 * stands still, so no periodic scan ever comes: only the sequencer's own "look again" can log the
 * entries after the first batch.
 */
class LogSequencerBacklogTest {

  @Test
  void aBacklogOfSeveralBatchesIsLoggedAfterOneSignal() throws Exception {
    int entries = LogSequencer.MAX_BATCH * 2 + 500;
    Clock stopped = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    try (TestDatabase database = TestDatabase.migrated("audit")) {
      LogStore store = new LogStore();
      LogSequencer sequencer =
          new LogSequencer(
              database.app(),
              store,
              new CheckpointSigner("clinnova.test/audit", NoteKey.generate("clinnova.test/audit")),
              stopped);
      try {
        sequencer.start(Thread::new);
        CompletableFuture<LoggedEntry> last;
        try (Connection connection = database.app().getConnection()) {
          connection.setAutoCommit(false);
          long id = 0;
          for (int i = 0; i < entries; i++) {
            id =
                store.insertPending(
                    connection, stopped.instant(), LogSequencerTest.event("LU-" + i));
          }
          last = sequencer.expect(id);
          connection.commit();
        }
        sequencer.wake();
        LoggedEntry logged = last.get(120, TimeUnit.SECONDS);
        try (Connection connection = database.app().getConnection()) {
          assertEquals(entries, store.treeSize(connection));
          assertEquals(entries - 1, logged.index(), "the last pending entry is the log's last");
          assertEquals(
              "LU-" + (entries - 1),
              store.entries(connection, logged.index(), 1).get(0).subjectId());
        }
      } finally {
        sequencer.close();
      }
    }
  }
}
