package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stores on a real PostgreSQL as the application role: what they write reads back; what is
 * appended cannot be changed or deleted, not even by the schema's owner; an entitlement can only be
 * revoked.
 */
public class ApplicationStoresTest {

  private static TestDatabase database;
  private static TestPersistence persistence;
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("messages", "workflow");
    persistence = TestPersistence.unit("workflow", database);
    persistence.run(
        entities ->
            new DatasetStore(entities)
                .insert(SubmissionChecklistTest.dataset("lu-set", "LU"), "admin"));
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
    database.close();
  }

  /** Applications read or written in a transaction of their own, as the portal's services do. */
  private static <T> T applications(Function<ApplicationStore, T> work) {
    return persistence.inTransaction(entities -> work.apply(new ApplicationStore(entities)));
  }

  /** Entitlements read or written in a transaction of their own, as the portal's services do. */
  private static <T> T entitlements(Function<EntitlementStore, T> work) {
    return persistence.inTransaction(entities -> work.apply(new EntitlementStore(entities)));
  }

  /**
   * Declares an ethics approval of {@code jurisdiction} valid from 1 January 2026 to {@code until}
   * on the application, resting on a small PDF attached to it, by {@code sub-1}; answers its id.
   */
  public static UUID declareEthics(
      ApplicationStore store,
      UUID applicationId,
      String jurisdiction,
      String reference,
      LocalDate until,
      Instant at) {
    UUID attachment = UUID.randomUUID();
    store.insertAttachment(
        new ApplicationAttachment(
            attachment, applicationId, "a.pdf", "application/pdf", 5, "0".repeat(64), at),
        "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "sub-1");
    UUID ethics = UUID.randomUUID();
    store.insertEthics(
        new EthicsApproval(
            ethics,
            applicationId,
            jurisdiction,
            "committee of " + jurisdiction,
            reference,
            LocalDate.of(2026, 1, 1),
            until,
            attachment,
            at),
        "sub-1");
    return ethics;
  }

  /** A draft by {@code sub-1} asking for a dataset of Luxembourg. */
  public static Application draft() {
    return new Application(
        UUID.randomUUID(),
        "sub-1",
        "researcher",
        ApplicationState.DRAFT,
        SubmissionChecklistTest.complete(),
        List.of("LU"),
        0,
        Optional.empty(),
        NOW,
        NOW);
  }

  @Test
  void anApplicationAndWhatIsAppendedToItReadBack() {
    Application application = draft();
    Application submitted =
        new Application(
            application.id(),
            "sub-1",
            "researcher",
            ApplicationState.SUBMITTED,
            application.document(),
            List.of("LU", "CH"),
            1,
            Optional.of("proc-1"),
            NOW,
            NOW.plusSeconds(5),
            Optional.empty());
    applications(
        applications -> {
          applications.insert(application);
          applications.update(submitted);
          applications.insertRevision(application.id(), 1, application.document(), NOW);
          applications.insertEvent(
              application.id(),
              new ApplicationEvent(
                  0,
                  NOW,
                  "submitted",
                  Optional.empty(),
                  "sub-1",
                  "researcher",
                  Optional.empty(),
                  Optional.of("note")));
          applications.saveReview(
              application.id(),
              new JurisdictionReview("CH", "waiting", Optional.empty(), Optional.empty(), 1, NOW));
          applications.saveReview(
              application.id(),
              new JurisdictionReview(
                  "LU", "dac-review", Optional.empty(), Optional.empty(), 1, NOW));
          return null;
        });
    applications(
        applications -> {
          applications.saveReview(
              application.id(),
              new JurisdictionReview(
                  "LU",
                  "approved",
                  Optional.of("approve-with-conditions"),
                  Optional.of("c"),
                  2,
                  NOW.plusSeconds(9)));
          return null;
        });
    applications(
        applications -> {
          assertEquals(submitted, applications.find(application.id()).orElseThrow());
          assertEquals(
              application.document(), applications.revision(application.id(), 1).orElseThrow());
          assertEquals(Optional.empty(), applications.revision(application.id(), 2));
          assertEquals(
              "note", applications.events(application.id()).get(0).comment().orElseThrow());
          List<JurisdictionReview> reviews = applications.reviews(application.id());
          assertEquals(
              List.of("LU", "CH"), reviews.stream().map(JurisdictionReview::jurisdiction).toList());
          assertEquals(
              new JurisdictionReview(
                  "LU",
                  "approved",
                  Optional.of("approve-with-conditions"),
                  Optional.of("c"),
                  2,
                  NOW.plusSeconds(9)),
              reviews.get(0),
              "a review moves on in place");
          assertTrue(
              applications
                  .visible(
                      new ApplicationAccess.Scope("steward", false, Set.of("CH")),
                      ApplicationStore.PageEnd.START,
                      500)
                  .stream()
                  .anyMatch(a -> a.id().equals(application.id())));
          assertTrue(
              applications
                  .visible(
                      new ApplicationAccess.Scope("steward", false, Set.of("FR")),
                      ApplicationStore.PageEnd.START,
                      500)
                  .stream()
                  .noneMatch(a -> a.id().equals(application.id())));
          assertTrue(
              applications
                  .visible(
                      new ApplicationAccess.Scope("auditor", true, Set.of()),
                      ApplicationStore.PageEnd.START,
                      500)
                  .stream()
                  .anyMatch(a -> a.id().equals(application.id())));
          assertEquals(
              1,
              applications.ownedBy("sub-1").stream()
                  .filter(a -> a.id().equals(application.id()))
                  .count());
          return null;
        });
  }

  @Test
  void appendedRowsCannotBeChangedEvenByTheOwnerAndEntitlementsOnlyRevoked() throws SQLException {
    Application application = draft();
    UUID entitlementId = UUID.randomUUID();
    UUID ethics =
        applications(
            applications -> {
              applications.insert(application);
              applications.insertEvent(
                  application.id(),
                  new ApplicationEvent(
                      0,
                      NOW,
                      "created",
                      Optional.empty(),
                      "sub-1",
                      "researcher",
                      Optional.empty(),
                      Optional.empty()));
              return declareEthics(
                  applications,
                  application.id(),
                  "LU",
                  "CNER 202301",
                  LocalDate.of(2027, 1, 1),
                  NOW);
            });
    try (Connection connection = database.app().getConnection()) {
      Entitlement granted =
          new Entitlement(
              entitlementId,
              application.id(),
              "sub-1",
              "lu-set",
              "LU",
              ethics,
              LocalDate.of(2027, 1, 1),
              NOW,
              NOW.plusSeconds(3600),
              Optional.empty(),
              Optional.empty());
      entitlements(
          store -> {
            store.insert(granted);
            return null;
          });
      assertEquals(
          LocalDate.of(2027, 1, 1),
          entitlements(store -> store.find(entitlementId)).orElseThrow().ethicsValidUntil());

      try (Statement statement = connection.createStatement()) {
        for (String change :
            List.of(
                "UPDATE workflow.application_event SET comment = 'rewritten'",
                "DELETE FROM workflow.application_attachment",
                "UPDATE workflow.ethics_approval SET valid_until = '2099-01-01'",
                "UPDATE workflow.entitlement SET valid_from = now() - interval '10 years'",
                "UPDATE workflow.entitlement SET requested_until = now() + interval '10 years'",
                "DELETE FROM workflow.entitlement",
                "DELETE FROM workflow.application")) {
          SQLException refused =
              assertThrows(SQLException.class, () -> statement.execute(change), change);
          assertEquals("42501", refused.getSQLState(), change);
        }
        // A renewed ethics approval may extend an access, never beyond what was granted.
        SQLException beyond =
            assertThrows(
                SQLException.class,
                () ->
                    statement.execute(
                        "UPDATE workflow.entitlement SET valid_until = now() + interval '10 years'"));
        assertEquals("23514", beyond.getSQLState(), "entitlement_within_request");
      }
      assertEquals(
          List.of(),
          entitlements(store -> store.unrecordedLapses(NOW)).stream()
              .filter(e -> e.id().equals(entitlementId))
              .toList(),
          "active: nothing lapsed");
      Instant later = NOW.plusSeconds(7200);
      assertEquals(
          List.of(entitlementId),
          entitlements(store -> store.unrecordedLapses(later)).stream()
              .map(Entitlement::id)
              .filter(entitlementId::equals)
              .toList(),
          "expired an hour after");
      entitlements(
          store -> {
            store.recordLapse(entitlementId, "expired", later);
            store.recordLapse(entitlementId, "expired", later.plusSeconds(1));
            return null;
          });
      assertTrue(
          entitlements(store -> store.unrecordedLapses(later)).stream()
              .noneMatch(e -> e.id().equals(entitlementId)),
          "recorded once");
      assertTrue(
          entitlements(store -> store.unrecordedLapses(Instant.parse("2027-01-02T00:00:00Z")))
              .stream()
              .anyMatch(e -> e.id().equals(entitlementId)),
          "after the ethics approval's end it lapses again, as suspended");
      boolean first = entitlements(store -> store.revoke(entitlementId, NOW, "dac", "breach"));
      boolean second = entitlements(store -> store.revoke(entitlementId, NOW, "dac", "again"));
      assertTrue(first);
      assertEquals(false, second);
      Entitlement revoked = entitlements(store -> store.find(entitlementId)).orElseThrow();
      assertEquals(Optional.of(NOW), revoked.revokedAt());
      assertEquals(Optional.of("breach"), revoked.revokeReason(), "the first reason stays");
      assertEquals(granted.validUntil(), revoked.validUntil());
    }
    try (Connection owner = database.owner().getConnection();
        Statement statement = owner.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> statement.execute("UPDATE workflow.application_event SET comment = 'x'"));
      assertEquals("42501", refused.getSQLState(), "the trigger holds for the owner too");
      assertThrows(SQLException.class, () -> statement.execute("TRUNCATE workflow.vote"));
    }
  }
}
