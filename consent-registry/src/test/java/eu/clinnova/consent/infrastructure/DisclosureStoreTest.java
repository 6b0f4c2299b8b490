package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One row per release, found per patient; its index merged by the application on demand (V7). */
class DisclosureStoreTest {

  static TestDatabase database;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void theApplicationMergesTheIndexAndPatientsFindTheirReleasesBeforeAndAfter() throws Exception {
    DisclosureStore store = new DisclosureStore();
    try (Connection connection = database.app().getConnection()) {
      for (int release = 0; release < 40; release++) {
        List<String> psns = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
          psns.add(String.format("LU-%05d", (release * 997 + i) % 50_000));
        }
        store.insertAll(
            connection,
            new Disclosure(
                UUID.randomUUID().toString(),
                "app-" + release,
                "Project " + release,
                "lu-ibd-clinical",
                "node-lu",
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(release),
                release),
            psns);
      }
      int before = store.of(connection, "LU-01000").size();
      assertTrue(before > 0, "found while the entries are pending");
      assertTrue(store.mergeIndex(connection) > 0, "pending entries were merged");
      assertEquals(0, store.mergeIndex(connection), "nothing left to merge");
      assertEquals(before, store.of(connection, "LU-01000").size(), "and found after the merge");
      try (Statement statement = connection.createStatement()) {
        SQLException refused =
            assertThrows(
                SQLException.class,
                () ->
                    statement.execute(
                        "SELECT gin_clean_pending_list('consent.disclosure_by_patient')"));
        assertEquals("42501", refused.getSQLState(), "only through the owner's function");
      }
    }
  }
}
