package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.deadline.DeadlineStore;
import eu.clinnova.workflow.engine.RecordedStepsEngine;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import eu.clinnova.workflow.entitlement.TeamEntitlements;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.flowable.engine.ProcessEngine;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Submitting and withdrawing an application, and when its agreement is accepted, without a server:
 * the real stores on a real PostgreSQL, the production review process on a real Flowable engine
 * (its steps only recorded: their own behaviour is the system tests'), a clock set by the test, and
 * an audit trail that keeps what was put on the record.
 */
class SubmissionsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final Caller APPLICANT = Caller.staff("sub-1", Role.RESEARCHER);

  private static WorkflowTestUnit persistence;
  private static RecordedStepsEngine process;
  private static ProcessEngine engine;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    persistence = WorkflowTestUnit.withDatasets();
    process = RecordedStepsEngine.start();
    engine = process.engine();
  }

  @AfterAll
  static void stop() throws Exception {
    process.close();
    persistence.close();
  }

  private <T> T submissions(Function<Submissions, T> work) {
    return persistence.inTransaction(
        entities -> {
          ApplicationStore applications = new ApplicationStore(entities);
          return work.apply(
              new Submissions(
                  ApplicationsTest.changes(audit, entities, NOW),
                  applications,
                  new NotificationStore(entities),
                  new AgreementStore(entities),
                  engine.getRuntimeService(),
                  engine.getTaskService(),
                  new DeadlineStore(entities)));
        });
  }

  private <T> T withdrawals(Function<Withdrawals, T> work) {
    return persistence.inTransaction(
        entities -> {
          ApplicationStore applications = new ApplicationStore(entities);
          return work.apply(
              new Withdrawals(
                  ApplicationsTest.changes(audit, entities, NOW),
                  applications,
                  new EntitlementStore(entities),
                  audit,
                  engine.getRuntimeService(),
                  new DeadlineStore(entities)));
        });
  }

  /** A draft of sub-1 asking for datasets of LU and CH, stored as the editor leaves it. */
  private static Application draft() {
    return persistence.draftForLuAndCh(Optional.empty(), NOW);
  }

  @Test
  void aDraftWithoutEthicsApprovalsIsRefusedWithWhatIsMissingAndNothingStarts() {
    Application draft = draft();

    Refusal refusal =
        assertThrows(Refusal.class, () -> submissions(s -> s.submit(APPLICANT, draft.id())));

    assertEquals("application-incomplete", refusal.code());
    assertEquals(
        List.of("ethicsApprovals.LU", "ethicsApprovals.CH"),
        refusal.problems().stream().map(FieldProblem::field).toList());
    assertTrue(audit.events().isEmpty());
    assertEquals(
        0,
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(draft.id().toString())
            .count());
  }

  /** A draft with a current ethics approval for each of its jurisdictions. */
  private static Application complete() {
    return persistence.draftForLuAndCh(Optional.of(LocalDate.of(2027, 6, 30)), NOW);
  }

  @Test
  void aCompleteDraftStartsTheReviewAtEachJurisdictionsStewards() {
    Application draft = complete();

    Application submitted = submissions(s -> s.submit(APPLICANT, draft.id())).application();

    Application stored =
        persistence.inTransaction(
            entities -> new ApplicationStore(entities).find(draft.id()).orElseThrow());
    assertEquals(ApplicationState.SUBMITTED, stored.state());
    assertEquals(1, stored.revision());
    assertEquals(submitted.processInstanceId(), stored.processInstanceId());
    Task check =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(stored.processInstanceId().orElseThrow())
            .singleResult();
    assertEquals(ReviewProcess.COMPLETENESS_CHECK, check.getTaskDefinitionKey());
    assertEquals(
        Set.of("steward-LU", "steward-CH"),
        Set.copyOf(
            engine.getTaskService().getIdentityLinksForTask(check.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .toList()));
    assertTrue(
        process.steps().isEmpty(), "no step runs before the stewards' check: " + process.steps());
    List<Notification> notices =
        persistence.inTransaction(
            entities ->
                new NotificationStore(entities)
                    .to("reader", Set.of("steward-LU", "steward-CH"), 10));
    assertEquals(
        Set.of("steward-LU", "steward-CH"),
        Set.copyOf(
            notices.stream()
                .filter(notice -> notice.applicationId().equals(draft.id()))
                .map(Notification::recipient)
                .toList()));
    AuditEvent entry = audit.only("application.submitted");
    assertEquals(1, entry.data().get("revision"));
    assertEquals(List.of("LU", "CH"), entry.data().get("jurisdictions"));
    assertEquals("submitted", entry.data().get("state"));
    assertEquals(Applications.sha256(draft.document()), entry.data().get("documentSha256"));

    Refusal again =
        assertThrows(Refusal.class, () -> submissions(s -> s.submit(APPLICANT, draft.id())));
    assertEquals("application-not-editable", again.code());
  }

  @Test
  void onlyAnApprovedApplicationIsRenewedAndTheRenewalKeepsItsLinkWhenStored() {
    Application draft = complete();
    assertEquals(
        "not-renewable",
        assertThrows(Refusal.class, () -> submissions(s -> s.renew(APPLICANT, draft.id()))).code());

    Application renewal =
        new Application(
            UUID.randomUUID(),
            draft.ownerSub(),
            draft.ownerName(),
            ApplicationState.DRAFT,
            draft.document(),
            draft.jurisdictions(),
            0,
            Optional.empty(),
            NOW,
            NOW,
            Optional.of(draft.id()),
            true);
    persistence.run(entities -> new ApplicationStore(entities).insert(renewal));
    Application stored =
        persistence.inTransaction(
            entities -> new ApplicationStore(entities).find(renewal.id()).orElseThrow());
    assertEquals(Optional.of(draft.id()), stored.renews());
    assertEquals(Optional.of(draft.id()), stored.with(ApplicationState.SUBMITTED, NOW).renews());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Application(
                UUID.randomUUID(),
                "sub-1",
                "A",
                ApplicationState.DRAFT,
                draft.document(),
                List.of(),
                0,
                Optional.empty(),
                NOW,
                NOW,
                Optional.empty(),
                true),
        "a renewal names what it renews");
  }

  @Test
  void withdrawingEndsTheReviewAndTheProcessOnce() {
    Application draft = complete();
    String processId =
        submissions(s -> s.submit(APPLICANT, draft.id()))
            .application()
            .processInstanceId()
            .orElseThrow();
    audit.clear();

    Refusal stranger =
        assertThrows(
            Refusal.class,
            () -> withdrawals(w -> w.withdraw(Caller.staff("sub-2", Role.RESEARCHER), draft.id())));
    assertEquals(Refusal.Kind.NOT_FOUND, stranger.kind());
    Application withdrawn = withdrawals(w -> w.withdraw(APPLICANT, draft.id())).application();

    assertEquals(ApplicationState.WITHDRAWN, withdrawn.state());
    assertEquals(
        0,
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processId)
            .count());
    assertEquals(
        Set.of("ended"),
        Set.copyOf(
            persistence
                .inTransaction(entities -> new ApplicationStore(entities).reviews(draft.id()))
                .stream()
                .map(JurisdictionReview::state)
                .toList()));
    AuditEvent entry = audit.only("application.withdrawn");
    assertEquals("submitted", entry.data().get("previousState"));
    assertEquals(0, entry.data().get("entitlementsRevoked"));
    assertEquals("withdrawn", entry.data().get("state"));
    Refusal again =
        assertThrows(Refusal.class, () -> withdrawals(w -> w.withdraw(APPLICANT, draft.id())));
    assertEquals("application-ended", again.code());
  }

  @Test
  void theAgreementIsAcceptedOnlyAsShownAndOnceApproved() {
    Application draft = complete();
    submissions(s -> s.submit(APPLICANT, draft.id()));
    Function<AgreementAcceptance.Answer, Refusal> refusal =
        answer ->
            assertThrows(
                Refusal.class,
                () ->
                    persistence.inTransaction(
                        entities ->
                            new AgreementAcceptance(
                                    ApplicationsTest.changes(audit, entities, NOW),
                                    new AgreementStore(entities),
                                    engine.getTaskService(),
                                    new ApplicationStore(entities),
                                    new TeamEntitlements(new EntitlementStore(entities), audit),
                                    new NotificationStore(entities))
                                .acceptAgreement(APPLICANT, draft.id(), answer)));
    int version =
        persistence.inTransaction(entities -> new AgreementStore(entities).current().version());

    assertEquals(
        List.of("accepted", "agreementVersion"),
        refusal.apply(new AgreementAcceptance.Answer(false, Optional.empty())).problems().stream()
            .map(FieldProblem::field)
            .toList());
    assertEquals(
        "agreement-version-outdated",
        refusal.apply(new AgreementAcceptance.Answer(true, Optional.of(version + 1))).code());
    assertEquals(
        "agreement-not-expected",
        refusal.apply(new AgreementAcceptance.Answer(true, Optional.of(version))).code(),
        "submitted, not approved");
    assertTrue(
        audit.events().stream()
            .noneMatch(e -> e.action().equals("application.agreement-accepted")));
  }
}
