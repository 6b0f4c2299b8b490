package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import eu.clinnova.workflow.entitlement.TeamEntitlements;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.notification.Notifications;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Team members with accounts (ADR 0027), on the real stores: the team names a member by address;
 * only a researcher whose identity provider verified that address is that member. They see the
 * application as its applicant does, change nothing, and accept the agreement in their own name,
 * which shares the applicant's access that has not ended.
 */
class TeamAgreementsTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final Caller APPLICANT = Caller.staff("sub-1", Role.RESEARCHER);

  /** {@code complete()}'s team names "N" at n@x.example; the account's address differs in case. */
  private static final Caller MEMBER = Caller.researcher("sub-member", "N@X.example");

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

  private Applications.Changed accept(Caller caller, UUID id, int version) {
    return persistence.inTransaction(
        entities ->
            new AgreementAcceptance(
                    ApplicationsTest.changes(audit, entities, NOW),
                    new AgreementStore(entities),
                    null, // the member's path never touches the process: no task is theirs
                    new ApplicationStore(entities),
                    new TeamEntitlements(new EntitlementStore(entities), audit),
                    new NotificationStore(entities))
                .acceptAgreement(
                    caller, id, new AgreementAcceptance.Answer(true, Optional.of(version))));
  }

  private Refusal refused(Caller caller, UUID id, int version) {
    return assertThrows(Refusal.class, () -> accept(caller, id, version));
  }

  private static int version() {
    return persistence.inTransaction(entities -> new AgreementStore(entities).current().version());
  }

  @Test
  void onlyAResearcherWithTheVerifiedAddressIsTheMemberAndOnlyOnceSubmitted() {
    Application draft = persistence.draftForLuAndCh(Optional.of(LocalDate.of(2028, 1, 1)), NOW);
    assertFalse(ApplicationAccess.canSee(MEMBER, draft), "a draft is still the applicant's own");

    Application submitted = setState(draft, ApplicationState.SUBMITTED);
    assertTrue(ApplicationAccess.canSee(MEMBER, submitted));
    assertTrue(ApplicationAccess.isTeamMember(MEMBER, submitted));
    assertFalse(ApplicationAccess.isReviewer(MEMBER, submitted), "never the reviewers' view");
    assertFalse(ApplicationAccess.isTeamMember(APPLICANT, submitted), "the owner is the owner");
    Caller unverified =
        new Caller(
            "sub-x", "x", "X", "n@x.example", false, null, Set.of(Role.RESEARCHER), Set.of(), null);
    assertFalse(ApplicationAccess.canSee(unverified, submitted));
    assertEquals(Refusal.Kind.NOT_FOUND, refused(unverified, submitted.id(), version()).kind());

    // The listing's SQL says the same as the rule.
    List<UUID> listed =
        persistence.inTransaction(
            entities ->
                new ApplicationStore(entities)
                        .visible(
                            ApplicationAccess.scope(MEMBER), ApplicationStore.PageEnd.START, 50)
                        .stream()
                        .map(Application::id)
                        .toList());
    assertTrue(listed.contains(submitted.id()), listed.toString());
    assertFalse(
        persistence
            .inTransaction(
                entities ->
                    new ApplicationStore(entities)
                        .visible(
                            ApplicationAccess.scope(unverified),
                            ApplicationStore.PageEnd.START,
                            50))
            .stream()
            .anyMatch(application -> application.id().equals(submitted.id())));

    // Seeing is not changing.
    Refusal change =
        assertThrows(
            Refusal.class,
            () ->
                persistence.inTransaction(
                    entities ->
                        ApplicationsTest.changes(audit, entities, NOW)
                            .ownApplication(MEMBER, submitted.id())));
    assertEquals(Refusal.Kind.FORBIDDEN, change.kind());
    assertEquals(
        "agreement-not-expected",
        refused(MEMBER, submitted.id(), version()).code(),
        "accepted once approved");
  }

  @Test
  void aMemberAcceptsInTheirOwnNameAndSharesTheAccessThatHasNotEnded() {
    Application draft = persistence.draftForLuAndCh(Optional.of(LocalDate.of(2028, 1, 1)), NOW);
    Application approved = setState(draft, ApplicationState.APPROVED);
    UUID ethics =
        persistence.inTransaction(
            entities -> new ApplicationStore(entities).ethicsInForce(approved).get(0).id());
    Entitlement running =
        entitlement(approved, "lu-set", ethics, NOW.minus(30, ChronoUnit.DAYS), 365);
    Entitlement later = entitlement(approved, "ch-set", ethics, NOW.plus(10, ChronoUnit.DAYS), 300);
    Entitlement ended =
        entitlement(approved, "ch-set", ethics, NOW.minus(400, ChronoUnit.DAYS), 30);
    Entitlement revoked =
        entitlement(approved, "lu-set", ethics, NOW.minus(60, ChronoUnit.DAYS), 30);
    persistence.run(
        entities ->
            new EntitlementStore(entities)
                .revoke(revoked.id(), NOW.minus(50, ChronoUnit.DAYS), "dac", "misuse"));
    int version = version();

    assertEquals("agreement-version-outdated", refused(MEMBER, approved.id(), version + 1).code());
    accept(MEMBER, approved.id(), version);

    List<Entitlement> own =
        persistence.inTransaction(
            entities -> new EntitlementStore(entities).ofResearcher(MEMBER.subject()));
    assertEquals(2, own.size(), own.toString());
    Entitlement lu = own.stream().filter(e -> e.datasetId().equals("lu-set")).findFirst().get();
    Entitlement ch = own.stream().filter(e -> e.datasetId().equals("ch-set")).findFirst().get();
    assertEquals(NOW, lu.validFrom(), "from their acceptance");
    assertEquals(running.validUntil(), lu.validUntil(), "never beyond the applicant's");
    assertEquals(later.validFrom(), ch.validFrom(), "not before the applicant's starts");
    assertEquals(later.validUntil(), ch.validUntil());
    assertEquals(approved.id(), lu.applicationId());
    assertEquals(Entitlement.Status.ACTIVE, lu.statusAt(NOW.plusSeconds(1)));

    AuditEvent accepted = audit.only("application.member-agreement-accepted");
    assertEquals(MEMBER.subject(), accepted.actor().sub());
    assertEquals(version, accepted.data().get("agreementVersion"));
    assertFalse(accepted.data().toString().contains("@"), "no address in the log");
    List<AuditEvent> granted =
        audit.events().stream().filter(e -> e.action().equals("entitlement.granted")).toList();
    assertEquals(2, granted.size());
    assertEquals(
        Set.of(running.id().toString(), later.id().toString()),
        Set.copyOf(granted.stream().map(e -> e.data().get("sharedFrom")).toList()));
    List<AgreementStore.MemberAcceptance> members =
        persistence.inTransaction(entities -> new AgreementStore(entities).members(approved.id()));
    assertEquals(1, members.size());
    assertEquals("n@x.example", members.get(0).address());
    assertTrue(
        kinds(APPLICANT.subject()).contains("member-agreement-accepted"), "the applicant is told");
    assertTrue(kinds(MEMBER.subject()).contains("entitlements-granted"));

    assertEquals(
        "agreement-not-expected", refused(MEMBER, approved.id(), version).code(), "accepted once");
    // The unused variables say what must not be shared.
    assertTrue(own.stream().noneMatch(e -> e.validUntil().equals(ended.validUntil())));
  }

  @Test
  void theTeamsRecipientIsTheVerifiedAddress() {
    assertEquals("team:n@x.example", Notifications.teamRecipient("n@x.example"));
  }

  private List<String> kinds(String account) {
    return persistence
        .inTransaction(entities -> new NotificationStore(entities).to(account, Set.of(account), 50))
        .stream()
        .map(Notification::kind)
        .toList();
  }

  private static Application setState(Application application, ApplicationState state) {
    Application changed = application.with(state, NOW);
    persistence.run(entities -> new ApplicationStore(entities).update(changed));
    return changed;
  }

  private static Entitlement entitlement(
      Application application, String dataset, UUID ethics, Instant from, int days) {
    Entitlement granted =
        new Entitlement(
            UUID.randomUUID(),
            application.id(),
            application.ownerSub(),
            dataset,
            dataset.startsWith("lu") ? "LU" : "CH",
            ethics,
            LocalDate.of(2028, 1, 1),
            from,
            from.plus(days, ChronoUnit.DAYS),
            Optional.empty(),
            Optional.empty());
    persistence.run(entities -> new EntitlementStore(entities).insert(granted));
    return granted;
  }
}
