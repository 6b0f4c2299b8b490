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
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.NotificationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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

  /** Every entitlement this class granted: the whole table, what each listing is checked on. */
  private static final List<Entitlement> GRANTS = new ArrayList<>();

  private static WorkflowTestUnit persistence;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    persistence = WorkflowTestUnit.withDatasets();
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
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

  /** Access to lu-set for sub-1 until {@code until}, its ethics approval ending with 2026. */
  private static Entitlement grant(Instant until) {
    return grant(RESEARCHER, "LU", GRANTED, until, ETHICS_END);
  }

  /**
   * Access for {@code researcher} to the dataset of {@code jurisdiction} from {@code from} until
   * {@code until}, on an application of its own (one entitlement per application and dataset).
   */
  private static Entitlement grant(
      String researcher, String jurisdiction, Instant from, Instant until, LocalDate ethicsEnd) {
    Application application = ApplicationStoresTest.draft();
    String reference = "LU".equals(jurisdiction) ? "CNER 202301" : "2023-00123";
    UUID ethics =
        persistence.inTransaction(
            entities -> {
              ApplicationStore applications = new ApplicationStore(entities);
              applications.insert(application);
              return ApplicationStoresTest.declareEthics(
                  applications, application.id(), jurisdiction, reference, ethicsEnd, GRANTED);
            });
    Entitlement granted =
        new Entitlement(
            UUID.randomUUID(),
            application.id(),
            researcher,
            jurisdiction.toLowerCase(java.util.Locale.ROOT) + "-set",
            jurisdiction,
            ethics,
            ethicsEnd,
            from,
            until,
            Optional.empty(),
            Optional.empty());
    persistence.run(entities -> new EntitlementStore(entities).insert(granted));
    GRANTS.add(granted);
    return granted;
  }

  private static List<Notification> notices() {
    return persistence.inTransaction(
        entities -> new NotificationStore(entities).to("reader", Set.of(RESEARCHER), 100));
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
  void holdersAreWarnedThirtyAndSevenDaysBeforeTheirAccessEndsOnceEach() {
    LocalDate ethics = LocalDate.of(2028, 12, 31);
    Entitlement twoMonths =
        grant("sub-warn", "LU", GRANTED, GRANTED.plusSeconds(60L * 86_400), ethics);
    at(GRANTED.plusSeconds(86_400), Entitlements::warnEnding);
    assertEquals(List.of(), warnings());

    Instant monthLeft = GRANTED.plusSeconds(31L * 86_400);
    at(monthLeft, Entitlements::warnEnding);
    at(monthLeft.plusSeconds(3600), Entitlements::warnEnding);
    assertEquals(List.of("entitlement-ends-in-30-days"), warnings(), "once");

    Instant weekLeft = GRANTED.plusSeconds(54L * 86_400);
    at(weekLeft, Entitlements::warnEnding);
    at(weekLeft.plusSeconds(3600), Entitlements::warnEnding);
    assertEquals(
        List.of("entitlement-ends-in-7-days", "entitlement-ends-in-30-days"), warnings(), "once");
    assertEquals(twoMonths.applicationId(), warningsOf().get(0).applicationId());

    // Granted with five days left: the nearer warning only.
    grant("sub-warn", "LU", weekLeft, weekLeft.plusSeconds(5L * 86_400), ethics);
    at(weekLeft.plusSeconds(7200), Entitlements::warnEnding);
    at(weekLeft.plusSeconds(10_800), Entitlements::warnEnding);
    assertEquals(
        List.of(
            "entitlement-ends-in-7-days",
            "entitlement-ends-in-7-days",
            "entitlement-ends-in-30-days"),
        warnings());
  }

  private static List<Notification> warningsOf() {
    return persistence.inTransaction(
        entities -> new NotificationStore(entities).to("reader", Set.of("sub-warn"), 100));
  }

  private static List<String> warnings() {
    return warningsOf().stream().map(Notification::kind).toList();
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

  @Test
  void eachCallerListsWhatTheirScopeIncludesPageByPage() {
    Instant from = Instant.parse("2026-06-01T00:00:00Z");
    Instant until = Instant.parse("2029-06-01T00:00:00Z");
    LocalDate ethicsEnd = LocalDate.of(2030, 1, 1);
    for (int i = 0; i < 3; i++) {
      // Three granted at the same instant: the id orders them.
      grant("sub-lu-" + i, "LU", from, until, ethicsEnd);
      grant("sub-ch-" + i, "CH", from.plusSeconds(i), until, ethicsEnd);
    }
    grant(RESEARCHER, "CH", from.minusSeconds(60), until, ethicsEnd);
    List<Caller> callers =
        List.of(
            Caller.staff(RESEARCHER, Role.RESEARCHER, Jurisdiction.LU),
            Caller.staff("sub-ch-1", Role.RESEARCHER),
            Caller.staff("sub-lu-dac", Role.DAC_MEMBER, Jurisdiction.LU),
            Caller.staff("node-ch", Role.NODE, Jurisdiction.CH),
            Caller.staff("sub-compliance", Role.COMPLIANCE_OFFICER),
            Caller.staff("sub-admin", Role.ADMIN));
    // PostgreSQL orders UUIDs as unsigned bytes, as their text sorts (Java's compareTo is signed).
    Comparator<Entitlement> newestFirst =
        Comparator.comparing(Entitlement::validFrom)
            .thenComparing(entitlement -> entitlement.id().toString())
            .reversed();
    for (Caller caller : callers) {
      List<UUID> expected =
          GRANTS.stream()
              .filter(EntitlementScope.of(caller)::includes)
              .sorted(newestFirst)
              .map(Entitlement::id)
              .toList();
      List<UUID> paged = new ArrayList<>();
      Optional<EntitlementStore.PageEnd> after = Optional.empty();
      int pages = 0;
      do {
        Optional<EntitlementStore.PageEnd> start = after;
        Entitlements.Page page = at(GRANTED, s -> s.visible(caller, start, 2));
        page.entitlements().forEach(entitlement -> paged.add(entitlement.id()));
        after = page.next();
        pages++;
      } while (after.isPresent() && pages < 100);
      assertEquals(expected, paged, caller.subject());
      assertEquals(
          expected,
          at(GRANTED, s -> s.visible(caller, Optional.empty(), 500)).entitlements().stream()
              .map(Entitlement::id)
              .toList(),
          caller.subject() + ", one page");
    }
    assertTrue(
        at(GRANTED, s -> s.visible(callers.get(5), Optional.empty(), 500)).entitlements().isEmpty(),
        "an administrator holds no entitlement and sees none listed");
  }
}
