package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import eu.clinnova.workflow.application.AgreementStore;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.application.SubmissionChecklistTest;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decisions on a real PostgreSQL as the application role: a release and its 10,000 denials read
 * back, searches narrow as asked, and nothing recorded can be changed or deleted.
 */
class ReleaseStoreTest {

  private static TestDatabase database;
  private static TestPersistence persistence;
  private static final ReleaseStore releases = new ReleaseStore();
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static Application application;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("messages", "workflow");
    application = ApplicationStoresTest.draft();
    persistence = TestPersistence.unit("workflow", database);
    persistence.run(
        entities -> {
          DatasetStore datasets = new DatasetStore(entities);
          for (String jurisdiction : List.of("LU", "FR", "CH")) {
            String id = jurisdiction.toLowerCase(java.util.Locale.ROOT) + "-set";
            datasets.insert(SubmissionChecklistTest.dataset(id, jurisdiction), "admin");
          }
          new ApplicationStore(entities).insert(application);
        });
  }

  @Test
  void theGateReadsTheDatasetTheCatalogueWrote() throws SQLException {
    try (Connection connection = database.app().getConnection()) {
      assertEquals(
          Optional.of(SubmissionChecklistTest.dataset("fr-set", "FR")),
          SnapshotReads.dataset(connection, "fr-set"));
      assertEquals(Optional.empty(), SnapshotReads.dataset(connection, "no-such-set"));
      assertEquals(false, SnapshotReads.agreementAccepted(connection, application.id(), "sub-1"));
    }
  }

  /** The gate's JDBC read and the workflow unit's read of the same rows say the same. */
  @Test
  void theGateReadsTheEntitlementsAndAgreementTheWorkflowWrote() throws SQLException {
    Application granted = ApplicationStoresTest.draft();
    UUID ethics =
        persistence.inTransaction(
            entities -> {
              ApplicationStore store = new ApplicationStore(entities);
              store.insert(granted);
              store.recordApplicantJurisdiction(granted.id(), "DE");
              return ApplicationStoresTest.declareEthics(
                  store, granted.id(), "FR", "CPP 2026-1", LocalDate.of(2027, 6, 30), NOW);
            });
    persistence.run(
        entities -> {
          EntitlementStore entitlements = new EntitlementStore(entities);
          for (String dataset : List.of("lu-set", "fr-set")) {
            entitlements.insert(
                new Entitlement(
                    UUID.randomUUID(),
                    granted.id(),
                    "sub-1",
                    dataset,
                    "?",
                    ethics,
                    LocalDate.EPOCH,
                    NOW,
                    NOW.plusSeconds(86_400),
                    Optional.empty(),
                    Optional.empty()));
          }
          AgreementStore agreements = new AgreementStore(entities);
          agreements.insert(granted.id(), agreements.current(), NOW, "sub-1");
          // A team member accepts in their own name (ADR 0027).
          agreements.insertMember(
              new AgreementStore.MemberAcceptance(
                  granted.id(),
                  "sub-member",
                  "n@x.example",
                  agreements.current().version(),
                  agreements.current().sha256(),
                  NOW));
        });
    List<Entitlement> written =
        persistence.inTransaction(
            entities -> new EntitlementStore(entities).ofApplication(granted.id()));
    assertEquals(List.of("FR", "LU"), written.stream().map(Entitlement::jurisdiction).toList());
    assertEquals(LocalDate.of(2027, 6, 30), written.get(0).ethicsValidUntil());
    try (Connection connection = database.app().getConnection()) {
      assertEquals(written, SnapshotReads.entitlementsOf(connection, granted.id()));
      assertEquals(true, SnapshotReads.agreementAccepted(connection, granted.id(), "sub-1"));
      assertEquals(true, SnapshotReads.agreementAccepted(connection, granted.id(), "sub-member"));
      assertEquals(
          false,
          SnapshotReads.agreementAccepted(connection, granted.id(), "sub-other"),
          "each recipient accepts in their own name");
      Application read = SnapshotReads.application(connection, granted.id()).orElseThrow();
      assertEquals(
          persistence.inTransaction(e -> new ApplicationStore(e).find(granted.id())).orElseThrow(),
          read);
      assertEquals(granted, read);
      assertEquals(
          Optional.of("DE"), SnapshotReads.applicantJurisdiction(connection, granted.id()));
      assertEquals(
          Optional.of(LocalDate.of(2027, 6, 30)),
          SnapshotReads.latestEthics(connection, read, "FR").map(EthicsApproval::validUntil));
      assertEquals(Optional.empty(), SnapshotReads.latestEthics(connection, read, "LU"));
      assertEquals(Optional.empty(), SnapshotReads.application(connection, UUID.randomUUID()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
    database.close();
  }

  static Release release(String dataset, String jurisdiction, Instant at, long index) {
    return new Release(
        UUID.randomUUID(),
        "node-" + jurisdiction.toLowerCase(java.util.Locale.ROOT),
        application.id(),
        dataset,
        jurisdiction,
        "sub-1",
        Release.Decision.PARTIAL,
        List.of(),
        List.of("CLINICAL-DATA", "CROSS-BORDER"),
        10_001,
        1,
        Map.of("consent-withdrawn", 10_000),
        "requested",
        "permitted",
        at,
        Optional.of(at.plusSeconds(3600)),
        index,
        Optional.of("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
  }

  @Test
  void aReleaseAndItsDenialsReadBack() throws SQLException {
    Release release = release("lu-set", "LU", NOW, 1);
    List<Release.Denial> denials = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      denials.add(new Release.Denial(String.format("LU-%05d", i), "consent-withdrawn"));
    }
    try (Connection connection = database.app().getConnection()) {
      releases.insert(connection, release);
      releases.insertDenials(connection, release.id(), denials);
      assertEquals(release, releases.find(connection, release.id()).orElseThrow());
      assertEquals(denials.subList(0, 5), releases.denials(connection, release.id(), 5));
      assertEquals(10_000, releases.denials(connection, release.id(), 20_000).size());
    }
  }

  @Test
  void pagesAfterTheLastReleaseShownSkipNoneDecidedInTheSameMillisecond() throws SQLException {
    Instant same = NOW.minusSeconds(30_000);
    List<Release> tied = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tied.add(release("ch-set", "CH", same, 30 + i));
    }
    Release older = release("ch-set", "CH", same.minusMillis(1), 33);
    try (Connection connection = database.app().getConnection()) {
      for (Release release : tied) {
        releases.insert(connection, release);
      }
      releases.insert(connection, older);
      List<UUID> all = new ArrayList<>();
      Optional<ReleaseStore.PageEnd> before = Optional.empty();
      for (int page = 0; page < 3; page++) {
        List<Release> shown = releases.search(connection, chSet(before, 2));
        shown.forEach(release -> all.add(release.id()));
        if (shown.isEmpty()) {
          break;
        }
        before = Optional.of(ReleaseStore.PageEnd.after(shown.get(shown.size() - 1)));
      }
      List<UUID> expected =
          new ArrayList<>(
              tied.stream()
                  .map(Release::id)
                  .sorted(java.util.Comparator.comparing(UUID::toString))
                  .toList());
      expected.add(older.id());
      assertEquals(expected, all, "newest first, ties by id, each once");
      // Paging by the instant alone (what a client without the id can ask) skips the ties.
      assertEquals(
          List.of(older.id()),
          releases
              .search(
                  connection,
                  chSet(Optional.of(new ReleaseStore.PageEnd(same, Optional.empty())), 10))
              .stream()
              .map(Release::id)
              .toList());
    }
  }

  private static ReleaseStore.Search chSet(Optional<ReleaseStore.PageEnd> before, int limit) {
    return new ReleaseStore.Search(
        Optional.empty(),
        Optional.empty(),
        Optional.of("ch-set"),
        Optional.of(List.of("CH")),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        before,
        limit);
  }

  @Test
  void searchesNarrowByNodeDatasetJurisdictionAndTime() throws SQLException {
    Release older = release("fr-set", "FR", NOW.minusSeconds(7200), 10);
    Release newer = release("fr-set", "FR", NOW.minusSeconds(60), 11);
    try (Connection connection = database.app().getConnection()) {
      releases.insert(connection, older);
      releases.insert(connection, newer);
      ReleaseStore.Search fr =
          new ReleaseStore.Search(
              Optional.of("node-fr"),
              Optional.of(application.id()),
              Optional.of("fr-set"),
              Optional.of(List.of("FR")),
              Optional.of("sub-1"),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              10);
      assertEquals(
          List.of(newer.id(), older.id()),
          releases.search(connection, fr).stream().map(Release::id).toList());
      ReleaseStore.Search page =
          new ReleaseStore.Search(
              fr.node(),
              fr.applicationId(),
              fr.datasetId(),
              fr.jurisdictions(),
              fr.recipient(),
              Optional.of(NOW.minusSeconds(10_000)),
              Optional.of(NOW),
              Optional.of(new ReleaseStore.PageEnd(newer.decidedAt(), Optional.empty())),
              10);
      assertEquals(
          List.of(older.id()),
          releases.search(connection, page).stream().map(Release::id).toList());
      ReleaseStore.Search elsewhere =
          new ReleaseStore.Search(
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.of(List.of("DE", "CH")),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              10);
      assertEquals(List.of(), releases.search(connection, elsewhere));
    }
  }

  @Test
  void decisionsCannotBeChangedOrDeleted() throws SQLException {
    Release release = release("lu-set", "LU", NOW, 20);
    try (Connection connection = database.app().getConnection()) {
      releases.insert(connection, release);
      releases.insertDenials(
          connection, release.id(), List.of(new Release.Denial("LU-0001", "consent-missing")));
    }
    for (var source : List.of(database.app(), database.owner())) {
      try (Connection connection = source.getConnection();
          Statement statement = connection.createStatement()) {
        for (String change :
            List.of(
                "UPDATE workflow.release SET decision = 'permit'",
                "DELETE FROM workflow.release_denial",
                "TRUNCATE workflow.release_denial",
                "DELETE FROM workflow.release")) {
          SQLException refused =
              assertThrows(SQLException.class, () -> statement.execute(change), change);
          assertEquals("42501", refused.getSQLState(), change);
        }
      }
    }
  }
}
