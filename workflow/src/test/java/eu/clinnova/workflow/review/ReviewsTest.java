package eu.clinnova.workflow.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import eu.clinnova.workflow.application.AgreementStore;
import eu.clinnova.workflow.application.ApplicantChanges;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.JurisdictionReview;
import eu.clinnova.workflow.application.Submissions;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.committee.CommitteeStore;
import eu.clinnova.workflow.engine.RecordedStepsEngine;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewProcess;
import eu.clinnova.workflow.process.VoteStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reviewers' use cases without a server, from the stewards' check to the chair's decision: real
 * stores on a real PostgreSQL, the production process on a real Flowable engine (its steps only
 * recorded), a set clock, and an audit trail that keeps what was put on the record.
 */
class ReviewsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final Caller APPLICANT = Caller.staff("sub-1", Role.RESEARCHER);

  private static WorkflowTestUnit persistence;
  private static RecordedStepsEngine process;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    persistence = WorkflowTestUnit.withDatasets();
    process = RecordedStepsEngine.start();
  }

  @AfterAll
  static void stop() throws Exception {
    process.close();
    persistence.close();
  }

  private <T> T reviews(Function<Reviews, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new Reviews(
                    audit,
                    process.engine().getTaskService(),
                    process.engine().getRuntimeService(),
                    new ApplicationStore(entities),
                    new VoteStore(entities),
                    new NotificationStore(entities),
                    new CommitteeStore(entities),
                    Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  /** A complete application of sub-1 for LU and CH, submitted as the applicant does. */
  private Application submitted() {
    Application draft = persistence.draftForLuAndCh(Optional.of(LocalDate.of(2027, 6, 30)), NOW);
    return persistence.inTransaction(
        entities -> {
          ApplicationStore applications = new ApplicationStore(entities);
          return new Submissions(
                  new ApplicantChanges(
                      new RecordedAudit(),
                      applications,
                      new DatasetStore(entities),
                      Clock.fixed(NOW, ZoneOffset.UTC)),
                  applications,
                  new NotificationStore(entities),
                  new AgreementStore(entities),
                  process.engine().getRuntimeService(),
                  process.engine().getTaskService(),
                  new eu.clinnova.workflow.deadline.DeadlineStore(entities))
              .submit(APPLICANT, draft.id())
              .application();
        });
  }

  /** The caller's open task of {@code key} on the application (in {@code jurisdiction}). */
  private Optional<ReviewTask> task(Caller caller, Application application, String key) {
    return reviews(service -> service.openTasks(caller)).stream()
        .filter(task -> task.applicationId().equals(application.id()))
        .filter(task -> task.key().equals(key))
        .findFirst();
  }

  private Reviews.Completed complete(Caller caller, ReviewTask task, TaskOutcome outcome) {
    return reviews(service -> service.complete(caller, caller.subject(), task.id(), outcome));
  }

  private static List<Notification> notices(String group) {
    return persistence.inTransaction(
        entities -> new NotificationStore(entities).to("reader", Set.of(group), 50));
  }

  private static Caller member(String subject, Role... roles) {
    return Caller.of(subject, Set.of(roles), Set.of(Jurisdiction.LU), Optional.empty());
  }

  /** The overdue steps of {@code application} as seen at {@code at}. */
  private List<ReviewTask> overdueAt(Caller caller, Instant at, Application application) {
    return persistence
        .inTransaction(
            entities ->
                new Reviews(
                        audit,
                        process.engine().getTaskService(),
                        process.engine().getRuntimeService(),
                        new ApplicationStore(entities),
                        new VoteStore(entities),
                        new NotificationStore(entities),
                        new CommitteeStore(entities),
                        Clock.fixed(at, ZoneOffset.UTC))
                    .overdue(caller, 1000))
        .stream()
        .filter(task -> task.applicationId().equals(application.id()))
        .toList();
  }

  @Test
  void aStepPastItsDueDateIsOverdueForAdministratorsAndComplianceOnly() {
    Application application = submitted();
    Caller admin = Caller.staff("sub-admin", Role.ADMIN);
    // The engine dates its tasks by its own clock: due seven days after they were created.
    Instant due =
        task(
                member("sub-steward-lu", Role.DATA_STEWARD),
                application,
                ReviewProcess.COMPLETENESS_CHECK)
            .orElseThrow()
            .due()
            .orElseThrow();
    assertTrue(overdueAt(admin, due.minusSeconds(60), application).isEmpty());
    List<ReviewTask> overdue = overdueAt(admin, due.plusSeconds(60), application);
    assertEquals(1, overdue.size(), overdue.toString());
    assertEquals(ReviewProcess.COMPLETENESS_CHECK, overdue.get(0).key());
    assertEquals("T", overdue.get(0).applicationTitle());
    assertEquals(
        1,
        overdueAt(Caller.staff("sub-co", Role.COMPLIANCE_OFFICER), due.plusSeconds(60), application)
            .size());
    Refusal steward =
        assertThrows(
            Refusal.class,
            () -> overdueAt(member("sub-steward-lu", Role.DATA_STEWARD), due, application));
    assertEquals(Refusal.Kind.FORBIDDEN, steward.kind());
  }

  @Test
  void nobodyReviewsTheirOwnApplicationNorOneOfAnotherJurisdiction() {
    Application application = submitted();
    Caller ownSteward = member("sub-1", Role.DATA_STEWARD);
    Caller luSteward = member("sub-steward-lu", Role.DATA_STEWARD);
    Caller frSteward = Caller.staff("sub-steward-fr", Role.DATA_STEWARD, Jurisdiction.FR);
    ReviewTask check = task(luSteward, application, ReviewProcess.COMPLETENESS_CHECK).orElseThrow();

    assertTrue(task(ownSteward, application, ReviewProcess.COMPLETENESS_CHECK).isEmpty());
    Refusal own = assertThrows(Refusal.class, () -> complete(ownSteward, check, approve(null)));
    assertEquals("self-review", own.code());
    Refusal elsewhere =
        assertThrows(Refusal.class, () -> complete(frSteward, check, approve(null)));
    assertEquals(Refusal.Kind.NOT_FOUND, elsewhere.kind());
    assertTrue(audit.events().isEmpty());
  }

  @Test
  void theReviewGoesFromTheStewardsChecksThroughTheVoteToTheChairsDecision() {
    Application application = submitted();
    String id = application.id().toString();
    Caller steward = member("sub-steward-lu", Role.DATA_STEWARD);

    Reviews.Completed checked =
        complete(
            steward,
            task(steward, application, ReviewProcess.COMPLETENESS_CHECK).orElseThrow(),
            approve(null));
    assertTrue(checked.taskClosed());
    assertEquals("approve", audit.only("application.completeness-checked").data().get("outcome"));
    assertTrue(process.steps().contains("underReview[" + id + "]"), process.steps().toString());

    complete(
        steward,
        task(steward, application, ReviewProcess.ETHICS_CHECK).orElseThrow(),
        approve(null));
    assertEquals("dac-review", review(application, "LU").state());
    assertEquals("LU", audit.only("application.ethics-checked").data().get("jurisdiction"));
    assertTrue(noticed("dac-LU", application, "vote-due"));

    Caller conflicted = member("sub-dac-a", Role.DAC_MEMBER, Role.DAC_CHAIR);
    Caller second = member("sub-dac-b", Role.DAC_MEMBER);
    Caller third = member("sub-dac-c", Role.DAC_MEMBER);
    Caller chair = member("sub-chair", Role.DAC_CHAIR);
    ReviewTask vote = task(second, application, ReviewProcess.DAC_VOTE).orElseThrow();
    assertFalse(
        complete(conflicted, vote, TaskOutcome.given(null, true, null, null)).taskClosed(),
        "a declared conflict does not count towards the quorum");
    assertTrue(
        task(conflicted, application, ReviewProcess.DAC_VOTE).isEmpty(),
        "who declared a conflict is not asked again");
    assertFalse(complete(second, vote, approve("Sound design.")).taskClosed());
    Refusal again = assertThrows(Refusal.class, () -> complete(second, vote, approve("Again.")));
    assertEquals("already-voted", again.code());
    assertTrue(complete(third, vote, approve("Fine.")).taskClosed(), "the quorum of two");
    assertEquals(
        Sha256.hex("Sound design."),
        audit.events().stream()
            .filter(entry -> entry.action().equals("application.vote-cast"))
            .findFirst()
            .orElseThrow()
            .data()
            .get("commentSha256"));
    assertTrue(noticed("chair-LU", application, "decision-due"));

    ReviewTask decision = task(chair, application, ReviewProcess.CHAIR_DECISION).orElseThrow();
    Refusal conflictedChair =
        assertThrows(Refusal.class, () -> complete(conflicted, decision, approve("Yes.")));
    assertEquals("conflict-of-interest", conflictedChair.code());
    assertTrue(
        complete(
                chair,
                decision,
                TaskOutcome.given("approve-with-conditions", false, null, "Publish the code."))
            .taskClosed());
    JurisdictionReview decided = review(application, "LU");
    assertEquals(Optional.of("approve-with-conditions"), decided.decision());
    assertEquals(Optional.of("Publish the code."), decided.conditions());
    AuditEvent entry = audit.only("application.committee-decided");
    assertEquals(new AuditEvent.Actor("sub-chair", Role.DAC_CHAIR.tokenName()), entry.actor());
    assertTrue(
        process.steps().contains("jurisdictionApproved[" + id + ", LU]"),
        process.steps().toString());
  }

  private static TaskOutcome approve(String comment) {
    return TaskOutcome.given("approve", false, comment, null);
  }

  private static JurisdictionReview review(Application application, String jurisdiction) {
    return persistence
        .inTransaction(entities -> new ApplicationStore(entities).reviews(application.id()))
        .stream()
        .filter(review -> review.jurisdiction().equals(jurisdiction))
        .findFirst()
        .orElseThrow();
  }

  private static boolean noticed(String group, Application application, String kind) {
    UUID id = application.id();
    return notices(group).stream()
        .anyMatch(notice -> notice.applicationId().equals(id) && notice.kind().equals(kind));
  }
}
