package eu.clinnova.workflow.entitlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import eu.clinnova.workflow.application.SubmissionChecklistTest;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.NotificationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entitlements over time and their revocation, without a server: the real stores on a real
 * PostgreSQL, the clock moved by the test (no waiting), and an audit trail that keeps what was put
 * on the record.
 */
class EntitlementsTest {

  private static final Instant GRANTED = Instant.parse("2026-11-28T10:00:00Z");
  private static final LocalDate ETHICS_END = LocalDate.of(2026, 12, 31);
  private static final String RESEARCHER = "sub-1";

  private static TestDatabase database;
  private static TestPersistence persistence;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("workflow");
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

  private <T> T at(Instant now, Function<Entitlements, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new Entitlements(
                    audit,
                    new EntitlementStore(entities),
                    new NotificationStore(entities),
                    Clock.fixed(now, ZoneOffset.UTC))));
  }

  /** Access to lu-set until {@code until}, on an application of its own (one per dataset). */
  private static Entitlement grant(Instant until) {
    Application application = ApplicationStoresTest.draft();
    UUID ethics =
        persistence.inTransaction(
            entities -> {
              ApplicationStore applications = new ApplicationStore(entities);
              applications.insert(application);
              return ApplicationStoresTest.declareEthics(
                  applications, application.id(), "LU", "CNER 202301", ETHICS_END, GRANTED);
            });
    Entitlement granted =
        new Entitlement(
            UUID.randomUUID(),
            application.id(),
            RESEARCHER,
            "lu-set",
            "LU",
            ethics,
            ETHICS_END,
            GRANTED,
            until,
            Optional.empty(),
            Optional.empty());
    persistence.run(entities -> new EntitlementStore(entities).insert(granted));
    return granted;
  }

  private static List<Notification> notices() {
    return persistence.inTransaction(
        entities -> new NotificationStore(entities).to(Set.of(RESEARCHER), 100));
  }

  @Test
  void eachLapseIsRecordedOnceWithItsEntryAndANoticeToTheResearcher() {
    Entitlement month = grant(GRANTED.plusSeconds(30L * 86_400));
    Entitlement year = grant(GRANTED.plusSeconds(365L * 86_400));
    int noticesBefore = notices().size();

    assertEquals(0, (int) at(GRANTED.plusSeconds(86_400), Entitlements::recordLapses));
    Instant afterMonth = GRANTED.plusSeconds(31L * 86_400);
    assertEquals(1, (int) at(afterMonth, Entitlements::recordLapses));
    assertEquals(0, (int) at(afterMonth, Entitlements::recordLapses), "recorded once");
    AuditEvent expired = audit.only("entitlement.expired");
    assertEquals(new AuditEvent.Subject("entitlement", month.id().toString()), expired.subject());
    assertEquals("entitlement-expired", expired.data().get("reason"));

    // The ethics approval ends on 31 December: from 1 January both are suspended, the month's
    // access (ended before) included, as the store's test has it; each lapse once.
    Instant newYear = Instant.parse("2027-01-01T00:00:00Z");
    assertEquals(0, (int) at(newYear.minusMillis(1), Entitlements::recordLapses));
    assertEquals(2, (int) at(newYear, Entitlements::recordLapses));
    assertEquals(0, (int) at(newYear.plusSeconds(86_400), Entitlements::recordLapses));
    List<AuditEvent> suspended =
        audit.events().stream()
            .filter(entry -> entry.action().equals("entitlement.suspended"))
            .toList();
    assertEquals(
        Set.of(month.id().toString(), year.id().toString()),
        Set.copyOf(suspended.stream().map(entry -> entry.subject().id()).toList()));
    assertTrue(
        suspended.stream().allMatch(entry -> "ethics-expired".equals(entry.data().get("reason"))));
    List<Notification> newestFirst = notices();
    assertEquals(
        List.of("entitlement-expired", "entitlement-suspended", "entitlement-suspended"),
        newestFirst.subList(0, newestFirst.size() - noticesBefore).stream()
            .map(Notification::kind)
            .sorted()
            .toList());
  }

  @Test
  void onlyTheCommitteeOfTheDatasetsJurisdictionOrAnAdministratorRevokesWithAReason() {
    Entitlement granted = grant(GRANTED.plusSeconds(90L * 86_400));
    Instant now = GRANTED.plusSeconds(86_400);
    UUID id = granted.id();
    Caller researcher = Caller.staff(RESEARCHER, Role.RESEARCHER, Jurisdiction.LU);
    Caller frCommittee = Caller.staff("sub-fr-dac", Role.DAC_MEMBER, Jurisdiction.FR);
    Caller luCommittee = Caller.staff("sub-lu-dac", Role.DAC_MEMBER, Jurisdiction.LU);

    Refusal own = assertThrows(Refusal.class, () -> at(now, s -> s.revoke(researcher, id, "x")));
    assertEquals(Refusal.Kind.FORBIDDEN, own.kind());
    Refusal elsewhere =
        assertThrows(Refusal.class, () -> at(now, s -> s.revoke(frCommittee, id, null)));
    assertEquals(Refusal.Kind.NOT_FOUND, elsewhere.kind(), "their input says nothing");
    Refusal noReason =
        assertThrows(Refusal.class, () -> at(now, s -> s.revoke(luCommittee, id, "  ")));
    assertEquals(Refusal.Kind.INVALID, noReason.kind());
    assertTrue(audit.events().isEmpty());

    Entitlement revoked =
        at(now, s -> s.revoke(luCommittee, id, " Data shared outside the project. ")).entitlement();

    assertEquals(Entitlement.Status.REVOKED, revoked.statusAt(now));
    assertEquals("Data shared outside the project.", revoked.revokeReason().orElseThrow());
    AuditEvent entry = audit.only("entitlement.revoked");
    assertEquals(new AuditEvent.Actor("sub-lu-dac", Role.DAC_MEMBER.tokenName()), entry.actor());
    assertEquals(
        Map.of(
            "applicationId", granted.applicationId().toString(),
            "datasetId", "lu-set",
            "reasonSha256", Sha256.hex("Data shared outside the project.")),
        entry.data());
    Refusal twice =
        assertThrows(Refusal.class, () -> at(now, s -> s.revoke(luCommittee, id, "again")));
    assertEquals("entitlement-revoked", twice.code());
  }
}
