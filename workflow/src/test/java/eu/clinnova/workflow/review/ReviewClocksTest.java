package eu.clinnova.workflow.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.application.AgreementStore;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationsTest;
import eu.clinnova.workflow.application.Submissions;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.committee.CommitteeStore;
import eu.clinnova.workflow.deadline.Deadline;
import eu.clinnova.workflow.deadline.DeadlineStore;
import eu.clinnova.workflow.engine.ProcessDeployer;
import eu.clinnova.workflow.engine.WorkflowEngine;
import eu.clinnova.workflow.engine.WorkflowEngineSettings;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewProcess;
import eu.clinnova.workflow.process.VoteStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review's clocks with the real steps: the production process on a real Flowable engine, each
 * service task taken by {@link ReviewStepsService} on the real stores (a transaction of its own, as
 * the container gives it), and one clock, Flowable's, moved by the test and read by the steps.
 * Timers fire because their date has come, never because the test names them.
 */
class ReviewClocksTest {

  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  private static final Caller APPLICANT = Caller.staff("sub-1", Role.RESEARCHER);
  private static final Caller CHAIR_LU = Caller.staff("chair-1", Role.DAC_CHAIR, Jurisdiction.LU);
  private static final Caller MEMBER_LU =
      Caller.staff("member-1", Role.DAC_MEMBER, Jurisdiction.LU);

  private static WorkflowTestUnit persistence;
  private static EmbeddedPostgres engineDatabase;
  private static ProcessEngine engine;
  private static final RecordedAudit audit = new RecordedAudit();

  /** The one clock: Flowable's, which the steps read through this adapter. */
  private static final Clock CLOCK =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        }
      };

  @BeforeAll
  static void start() throws Exception {
    persistence = WorkflowTestUnit.withDatasets();
    engineDatabase = EmbeddedPostgres.builder().start();
    ReviewSteps realSteps =
        (ReviewSteps)
            Proxy.newProxyInstance(
                ReviewSteps.class.getClassLoader(),
                new Class<?>[] {ReviewSteps.class},
                (proxy, method, arguments) ->
                    persistence.inTransaction(
                        entities -> {
                          try {
                            return method.invoke(steps(entities), arguments);
                          } catch (InvocationTargetException e) {
                            throw new IllegalStateException(e.getCause());
                          } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                          }
                        }));
    engine =
        WorkflowEngineSettings.standalone(
                engineDatabase.getPostgresDatabase(), Map.of(ReviewSteps.BEAN, realSteps))
            .buildProcessEngine();
    ProcessDeployer.deploy(engine.getRepositoryService(), WorkflowEngine.PROCESS_RESOURCES);
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    engineDatabase.close();
    persistence.close();
  }

  @BeforeEach
  void startOfTheStory() {
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(START));
  }

  /** The service tasks' implementation, on the stores of one transaction. */
  private static ReviewStepsService steps(EntityManager entities) {
    return new ReviewStepsService(
        audit,
        new ApplicationStore(entities),
        new NotificationStore(entities),
        new DatasetStore(entities),
        new EntitlementStore(entities),
        new CommitteeStore(entities),
        new DeadlineStore(entities),
        new VoteStore(entities),
        new eu.clinnova.workflow.application.AgreementStore(entities),
        CLOCK);
  }

  @Test
  void aDecisionPastItsLegalDateIsToldToTheChairAndTheAdministrators() {
    Application application = submittedAndComplete();
    Deadline clock = decisionClock(application, "LU");
    assertEquals(START.plus(90, ChronoUnit.DAYS), clock.due(), "LU's committee: 90 days");
    assertEquals(
        clock.due(),
        timer(application, "decisionDue", "LU").getDuedate().toInstant(),
        "the process's timer waits for the row's date");

    moveBy(Duration.ofDays(89));
    assertEquals(List.of(), kinds("chair-1", "chair-LU", application), "not yet");

    moveBy(Duration.ofDays(2));
    assertTrue(kinds("chair-1", "chair-LU", application).contains("decision-overdue"));
    assertTrue(kinds("admin-1", "admin", application).contains("decision-overdue"));
    assertTrue(
        audit.actions().contains("application.decision-overdue"), audit.actions().toString());
    List<OpenDeadline> watched = deadlines(d -> d.open(CHAIR_LU));
    assertTrue(
        watched.stream()
            .anyMatch(
                line ->
                    line.applicationId().equals(application.id())
                        && line.step().equals("decision")
                        && line.overdue()),
        watched.toString());
    assertEquals(
        "decision-overdue",
        assertThrows(
                Refusal.class,
                () -> deadlines(d -> d.extend(CHAIR_LU, application.id(), "LU", "Too late")))
            .code(),
        "an extension is decided before the date, not after");
  }

  @Test
  void theChairExtendsTheDecisionOnceWithAReasonAndTheTimerMovesWithIt() {
    Application application = submittedAndComplete();
    moveBy(Duration.ofDays(60));
    assertEquals(
        "reason",
        assertThrows(
                Refusal.class,
                () -> deadlines(d -> d.extend(CHAIR_LU, application.id(), "LU", " ")))
            .problems()
            .get(0)
            .field());
    assertThrows(
        Refusal.class,
        () -> deadlines(d -> d.extend(MEMBER_LU, application.id(), "LU", "We need time")),
        "a member is not the chair");

    Deadline extended =
        deadlines(
                d -> d.extend(CHAIR_LU, application.id(), "LU", "An external expert is consulted"))
            .deadline();

    assertEquals(START.plus(180, ChronoUnit.DAYS), extended.due());
    assertEquals("An external expert is consulted", extended.extension().orElseThrow().reason());
    assertEquals(extended.due(), timer(application, "decisionDue", "LU").getDuedate().toInstant());
    assertTrue(kinds("sub-1", "sub-1", application).contains("decision-extended"));
    assertEquals(
        "already-extended",
        assertThrows(
                Refusal.class,
                () -> deadlines(d -> d.extend(CHAIR_LU, application.id(), "LU", "Again")))
            .code());

    moveBy(Duration.ofDays(31)); // past the first date: nothing is late any more
    assertTrue(!kinds("chair-1", "chair-LU", application).contains("decision-overdue"));
  }

  @Test
  void aReturnedApplicationIsWarnedAtTwoWeeksAndOneThenLapses() {
    Application application = submitted();
    completeTask(application, ReviewProcess.COMPLETENESS_CHECK, "return");
    Deadline clock =
        persistence.inTransaction(
            entities ->
                new DeadlineStore(entities)
                    .open(application.id(), Optional.empty(), Deadline.Step.RESUBMISSION)
                    .orElseThrow());
    assertEquals(START.plus(28, ChronoUnit.DAYS), clock.due());

    moveBy(Duration.ofDays(14));
    assertEquals(List.of("returned", "lapse-in-2-weeks"), kinds("sub-1", "sub-1", application));
    moveBy(Duration.ofDays(7));
    assertEquals(
        List.of("returned", "lapse-in-2-weeks", "lapse-in-1-week"),
        kinds("sub-1", "sub-1", application));
    assertEquals(ApplicationState.RETURNED, stored(application).state());

    moveBy(Duration.ofDays(7));
    assertEquals(ApplicationState.LAPSED, stored(application).state());
    assertEquals(
        List.of("returned", "lapse-in-2-weeks", "lapse-in-1-week", "lapsed"),
        kinds("sub-1", "sub-1", application));
    assertEquals(
        0,
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(application.id().toString())
            .count(),
        "the review has ended");
    assertTrue(
        persistence
            .inTransaction(entities -> new DeadlineStore(entities).ofApplication(application.id()))
            .stream()
            .allMatch(deadline -> deadline.closedAt().isPresent()),
        "no clock runs on");
  }

  @Test
  void onlyTheMembersWhoHaveNotVotedAreReminded() {
    Application application = submittedAndComplete();
    completeTask(application, ReviewProcess.ETHICS_CHECK, "approve");
    persistence.run(
        entities ->
            new Reviews(
                    audit,
                    engine.getTaskService(),
                    engine.getRuntimeService(),
                    new ApplicationStore(entities),
                    new VoteStore(entities),
                    new NotificationStore(entities),
                    new CommitteeStore(entities),
                    CLOCK)
                .complete(
                    MEMBER_LU,
                    "Member One",
                    task(application, ReviewProcess.DAC_VOTE).getId(),
                    TaskOutcome.given("approve", false, "Sound design and safeguards.", null)));

    moveBy(Duration.ofDays(8));

    assertTrue(kinds("member-2", "dac-LU", application).contains("reminder"));
    assertTrue(
        !kinds("member-1", "dac-LU", application).contains("reminder"),
        "the member who voted is not reminded");
    moveBy(Duration.ofDays(7));
    assertEquals(
        2,
        kinds("member-2", "dac-LU", application).stream().filter("reminder"::equals).count(),
        "reminded again a reminder period later");
  }

  @Test
  void aRenewedEthicsApprovalCheckedByTheStewardLiftsTheSuspension() {
    // A project approved under an approval that ended the day before: its access is suspended.
    Application project =
        persistence.draftForLuAndCh(
            Optional.of(LocalDate.of(2026, 11, 30)), START.minus(90, ChronoUnit.DAYS));
    persistence.run(
        entities ->
            new ApplicationStore(entities)
                .update(project.with(ApplicationState.APPROVED, START.minus(60, ChronoUnit.DAYS))));
    UUID ended =
        persistence.inTransaction(
            entities ->
                new ApplicationStore(entities)
                    .ethicsInForce(project).stream()
                        .filter(approval -> approval.jurisdiction().equals("LU"))
                        .findFirst()
                        .orElseThrow()
                        .id());
    Entitlement access =
        new Entitlement(
            UUID.randomUUID(),
            project.id(),
            project.ownerSub(),
            "lu-set",
            "LU",
            ended,
            LocalDate.of(2026, 11, 30),
            START.minus(60, ChronoUnit.DAYS),
            START.plus(300, ChronoUnit.DAYS),
            Optional.empty(),
            Optional.empty());
    persistence.run(entities -> new EntitlementStore(entities).insert(access));
    assertEquals(Entitlement.Status.SUSPENDED, stored(access).statusAt(START));

    // The applicant declares the renewed approval; the steward of LU has it to check.
    UUID renewed =
        persistence.inTransaction(
            entities -> {
              ApplicationStore applications = new ApplicationStore(entities);
              eu.clinnova.workflow.application.ApplicationAttachment letter =
                  new eu.clinnova.workflow.application.ApplicationAttachment(
                      UUID.randomUUID(),
                      project.id(),
                      "renewal.pdf",
                      "application/pdf",
                      4,
                      eu.clinnova.kernel.Sha256.hex("%PDF".getBytes()),
                      START);
              applications.insertAttachment(letter, "%PDF".getBytes(), "sub-1");
              return new eu.clinnova.workflow.application.Applications(
                      ApplicationsTest.changes(audit, entities, START),
                      applications,
                      new NotificationStore(entities),
                      engine.getRuntimeService())
                  .addEthicsApproval(
                      APPLICANT,
                      project.id(),
                      new eu.clinnova.workflow.application.EthicsDeclaration(
                          "LU",
                          "CNER",
                          "CNER 202611",
                          "2026-11-25",
                          "2028-11-30",
                          letter.id().toString()))
                  .approval()
                  .id();
            });
    assertTrue(kinds("steward-1", "steward-LU", project).contains("ethics-renewal-check-due"));
    Task check =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(renewed.toString())
            .taskDefinitionKey(ReviewProcess.ETHICS_RENEWAL_CHECK)
            .singleResult();
    assertEquals(
        List.of("steward-LU"),
        engine.getTaskService().getIdentityLinksForTask(check.getId()).stream()
            .map(link -> link.getGroupId())
            .filter(java.util.Objects::nonNull)
            .toList());

    Map<String, Object> transients = new HashMap<>();
    transients.put(ReviewProcess.OUTCOME, "approve");
    engine.getTaskService().complete(check.getId(), "steward-1", null, transients);

    Entitlement after = stored(access);
    assertEquals(renewed, after.ethicsApprovalId());
    assertEquals(Entitlement.Status.ACTIVE, after.statusAt(START));
    assertTrue(audit.actions().contains("entitlement.ethics-renewed"), audit.actions().toString());
    assertTrue(kinds("sub-1", "sub-1", project).contains("ethics-renewal-accepted"));
  }

  private static Entitlement stored(Entitlement entitlement) {
    return persistence
        .inTransaction(entities -> new EntitlementStore(entities).find(entitlement.id()))
        .orElseThrow();
  }

  // --- the story's steps ------------------------------------------------------------------

  private static Application submitted() {
    Application draft = persistence.draftForLuAndCh(Optional.of(LocalDate.of(2028, 6, 30)), START);
    return persistence.inTransaction(
        entities ->
            new Submissions(
                    ApplicationsTest.changes(audit, entities, START),
                    new ApplicationStore(entities),
                    new NotificationStore(entities),
                    new AgreementStore(entities),
                    engine.getRuntimeService(),
                    engine.getTaskService(),
                    new DeadlineStore(entities))
                .submit(APPLICANT, draft.id())
                .application());
  }

  private static Application submittedAndComplete() {
    Application application = submitted();
    completeTask(application, ReviewProcess.COMPLETENESS_CHECK, "approve");
    return application;
  }

  /** Completes the task as the task service does once it has checked the outcome. */
  private static void completeTask(Application application, String key, String outcome) {
    Map<String, Object> transients = new HashMap<>();
    transients.put(ReviewProcess.OUTCOME, outcome);
    engine.getTaskService().complete(task(application, key).getId(), "steward", null, transients);
  }

  private static Task task(Application application, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(application.id().toString())
        .taskDefinitionKey(key)
        .list()
        .stream()
        .filter(
            task ->
                !key.equals(ReviewProcess.ETHICS_CHECK) && !key.equals(ReviewProcess.DAC_VOTE)
                    || "LU"
                        .equals(
                            engine
                                .getRuntimeService()
                                .getVariable(task.getExecutionId(), ReviewProcess.JURISDICTION)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open " + key));
  }

  /** Moves the clock and fires every timer whose date has come, as the executor would. */
  private static void moveBy(Duration by) {
    var flowableClock = engine.getProcessEngineConfiguration().getClock();
    flowableClock.setCurrentTime(Date.from(flowableClock.getCurrentTime().toInstant().plus(by)));
    while (true) {
      List<Job> due =
          engine
              .getManagementService()
              .createTimerJobQuery()
              .executable() // due by the engine's clock
              .list();
      if (due.isEmpty()) {
        return;
      }
      for (Job timer : due) {
        Job executable = engine.getManagementService().moveTimerToExecutableJob(timer.getId());
        engine.getManagementService().executeJob(executable.getId());
      }
    }
  }

  private static Job timer(Application application, String elementId, String jurisdiction) {
    return engine
        .getManagementService()
        .createTimerJobQuery()
        .processInstanceId(stored(application).processInstanceId().orElseThrow())
        .elementId(elementId)
        .list()
        .stream()
        .filter(
            job ->
                jurisdiction.equals(
                    engine
                        .getRuntimeService()
                        .getVariable(job.getExecutionId(), ReviewProcess.JURISDICTION)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no timer " + elementId + " in " + jurisdiction));
  }

  private static Deadline decisionClock(Application application, String jurisdiction) {
    return persistence.inTransaction(
        entities ->
            new DeadlineStore(entities)
                .open(application.id(), Optional.of(jurisdiction), Deadline.Step.DECISION)
                .orElseThrow());
  }

  private static Application stored(Application application) {
    return persistence.inTransaction(
        entities -> new ApplicationStore(entities).find(application.id()).orElseThrow());
  }

  /**
   * The kinds of notification {@code account} (through {@code recipient}) has on the application.
   */
  private static List<String> kinds(String account, String recipient, Application application) {
    return persistence
        .inTransaction(
            entities -> new NotificationStore(entities).to(account, Set.of(recipient), 200))
        .stream()
        .filter(notification -> notification.applicationId().equals(application.id()))
        .sorted(java.util.Comparator.comparingLong(Notification::id))
        .map(Notification::kind)
        .toList();
  }

  private static <T> T deadlines(Function<Deadlines, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new Deadlines(
                    new DeadlineStore(entities),
                    new ApplicationStore(entities),
                    new CommitteeStore(entities),
                    new NotificationStore(entities),
                    audit,
                    engine.getTaskService(),
                    engine.getRuntimeService(),
                    engine.getManagementService(),
                    CLOCK)));
  }
}
