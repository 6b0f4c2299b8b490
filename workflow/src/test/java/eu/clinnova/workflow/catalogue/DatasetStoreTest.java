package eu.clinnova.workflow.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.DuoTerm;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue through the workflow unit, on the migrated schema as the application role: a
 * dataset reads back as published (its DUO terms, modules and limit included), the filters narrow,
 * an id is published once, and a published row cannot be changed.
 */
class DatasetStoreTest {

  private static TestDatabase database;
  private static TestPersistence persistence;

  static final Dataset MS_DE =
      new Dataset(
          "de-ms-imaging",
          "MS imaging, Baden-Württemberg",
          "MRI follow-up of the MS cohort.",
          "DE",
          "MS",
          new DataUse(
              DuoTerm.DS,
              Optional.of("MONDO:0005301"),
              Set.of(DuoTerm.NPUNCU, DuoTerm.GS, DuoTerm.IRB)),
          List.of("CLINICAL-DATA", "IMAGING"),
          Optional.of(24),
          412,
          Instant.parse("2026-12-01T08:30:00.123Z"));

  static final Dataset RA_LU =
      new Dataset(
          "lu-ra-registry",
          "RA registry",
          "",
          "LU",
          "RA",
          new DataUse(DuoTerm.GRU, Optional.empty(), Set.of()),
          List.of("CLINICAL-DATA"),
          Optional.empty(),
          0,
          Instant.parse("2026-12-01T08:31:00Z"));

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("messages", "workflow");
    persistence = TestPersistence.unit("workflow", database);
    assertTrue(publish(MS_DE));
    assertTrue(publish(RA_LU));
  }

  private static boolean publish(Dataset dataset) {
    Boolean published =
        persistence.inTransaction(entities -> new DatasetStore(entities).insert(dataset, "admin"));
    return published;
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
    database.close();
  }

  @Test
  void aDatasetReadsBackAsPublished() {
    assertEquals(
        Optional.of(MS_DE), persistence.inTransaction(e -> new DatasetStore(e).find(MS_DE.id())));
    assertEquals(
        Optional.empty(), persistence.inTransaction(e -> new DatasetStore(e).find("no-such-set")));
  }

  @Test
  void theFiltersNarrowAndTheListIsByJurisdictionThenId() {
    assertEquals(
        List.of(MS_DE, RA_LU),
        persistence.inTransaction(e -> new DatasetStore(e).list(null, null)));
    assertEquals(
        List.of(RA_LU), persistence.inTransaction(e -> new DatasetStore(e).list("LU", null)));
    assertEquals(
        List.of(MS_DE), persistence.inTransaction(e -> new DatasetStore(e).list(null, "MS")));
    assertEquals(List.of(), persistence.inTransaction(e -> new DatasetStore(e).list("LU", "MS")));
  }

  @Test
  void anIdIsPublishedOnce() {
    Dataset again =
        new Dataset(
            MS_DE.id(),
            "another title",
            "",
            "DE",
            "MS",
            MS_DE.use(),
            MS_DE.requiredModules(),
            Optional.empty(),
            1,
            Instant.now());
    assertFalse(publish(again));
    assertEquals(
        "MS imaging, Baden-Württemberg",
        persistence.inTransaction(e -> new DatasetStore(e).find(MS_DE.id())).orElseThrow().title());
  }

  @Test
  void aDatasetChangesOnlyAsANewVersionNeverItsNodeOrCohortAndEveryVersionStays()
      throws SQLException {
    try (Connection connection = database.app().getConnection();
        Statement statement = connection.createStatement()) {
      SQLException moved =
          assertThrows(
              SQLException.class,
              () ->
                  statement.execute(
                      "UPDATE workflow.dataset SET jurisdiction = 'CH' WHERE id = 'nope'"));
      assertEquals("42501", moved.getSQLState(), "the application may not move a dataset");
      SQLException rewritten =
          assertThrows(
              SQLException.class,
              () -> statement.execute("UPDATE workflow.dataset_version SET subjects = 1"));
      assertEquals("42501", rewritten.getSQLState(), "nor rewrite a version");
    }
    Dataset first =
        new Dataset(
            "ch-ms-versions",
            "MS, first",
            "",
            "CH",
            "MS",
            MS_DE.use(),
            MS_DE.requiredModules(),
            MS_DE.timeLimitMonths(),
            10,
            Instant.parse("2026-12-01T08:00:00Z"));
    assertTrue(publish(first));
    persistence.run(
        entities ->
            new DatasetStore(entities)
                .nextVersion(
                    new Dataset(
                        first.id(),
                        "MS, second",
                        "",
                        "CH",
                        "MS",
                        first.use(),
                        first.requiredModules(),
                        first.timeLimitMonths(),
                        20,
                        Instant.parse("2026-12-02T08:00:00Z")),
                    "admin"));
    List<DatasetVersion> history =
        persistence.inTransaction(entities -> new DatasetStore(entities).history(first.id()));
    assertEquals(
        List.of("MS, second", "MS, first"), history.stream().map(DatasetVersion::title).toList());
    assertEquals(List.of(20, 10), history.stream().map(DatasetVersion::subjects).toList());

    // Retired, it leaves the catalogue's list (the other tests' lists stay as they were).
    persistence.run(
        entities ->
            new DatasetStore(entities)
                .retire(first.id(), Instant.parse("2026-12-03T08:00:00Z"), "admin"));
    assertTrue(
        persistence.inTransaction(entities -> new DatasetStore(entities).list(null, "MS")).stream()
            .noneMatch(dataset -> dataset.id().equals(first.id())));
    assertEquals(
        Optional.of(Instant.parse("2026-12-03T08:00:00Z")),
        persistence
            .inTransaction(entities -> new DatasetStore(entities).entry(first.id()))
            .orElseThrow()
            .retiredAt());
  }
}
