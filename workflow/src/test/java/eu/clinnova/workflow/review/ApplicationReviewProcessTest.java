package eu.clinnova.workflow.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.workflow.engine.ProcessDeployer;
import eu.clinnova.workflow.engine.WorkflowEngine;
import eu.clinnova.workflow.engine.WorkflowEngineSettings;
import eu.clinnova.workflow.process.ReviewGroups;
import eu.clinnova.workflow.process.ReviewProcess;
import eu.clinnova.workflow.process.Vote;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deploys the production review process on a real PostgreSQL and drives every path: one and four
 * jurisdictions, returns and resubmission, a rejection in one jurisdiction, timers, withdrawal, and
 * a new process version while an application is under review. The service tasks call a recorder
 * standing in for the application services (their own behaviour is tested against the real server
 * by the system tests), so this test sees exactly which steps the process takes, in which order.
 */
class ApplicationReviewProcessTest {

  private static final String APPLICANT = "researcher-sub";

  private static EmbeddedPostgres postgres;
  private static ProcessEngine engine;
  private static final StepRecorder steps = new StepRecorder();

  @BeforeAll
  static void startEngine() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    engine =
        WorkflowEngineSettings.standalone(
                postgres.getPostgresDatabase(), Map.of(ReviewSteps.BEAN, steps))
            .buildProcessEngine();
    ProcessDeployer.deploy(engine.getRepositoryService(), WorkflowEngine.PROCESS_RESOURCES);
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void forgetSteps() {
    steps.taken.clear();
  }

  @Test
  void oneJurisdictionFromSubmissionToEntitlements() {
    String id = start("LU");
    Task check = only(id, ReviewProcess.COMPLETENESS_CHECK);
    assertTrue(candidates(check).contains("steward-LU"));
    complete(check, "approve");
    Task ethics = only(id, ReviewProcess.ETHICS_CHECK);
    assertEquals(List.of("steward-LU"), candidates(ethics));
    complete(ethics, "approve");
    Task vote = only(id, ReviewProcess.DAC_VOTE);
    assertEquals(List.of("dac-LU"), candidates(vote));
    complete(vote, null);
    Task decision = only(id, ReviewProcess.CHAIR_DECISION);
    assertEquals(List.of("chair-LU"), candidates(decision));
    complete(decision, "approve-with-conditions");
    Task agreement = only(id, ReviewProcess.ACCEPT_AGREEMENT);
    assertEquals(APPLICANT, agreement.getAssignee());
    complete(agreement, null);

    assertEquals(
        List.of(
            "underReview " + id,
            "jurisdictionApproved " + id + " LU",
            "approved " + id,
            "grantEntitlements " + id),
        steps.of(id));
    assertEnded(id);
  }

  @Test
  void fourJurisdictionsReviewInParallelAndAllMustApprove() {
    String id = start("LU", "FR", "DE", "CH");
    Task check = only(id, ReviewProcess.COMPLETENESS_CHECK);
    assertEquals(
        List.of("steward-CH", "steward-DE", "steward-FR", "steward-LU"), sorted(candidates(check)));
    complete(check, "approve");
    List<Task> ethics = tasks(id, ReviewProcess.ETHICS_CHECK);
    assertEquals(4, ethics.size(), "one ethics check per jurisdiction, at once");
    for (String code : List.of("LU", "FR", "DE", "CH")) {
      complete(inJurisdiction(id, ReviewProcess.ETHICS_CHECK, code), "approve");
    }
    for (String code : List.of("CH", "LU", "DE")) {
      complete(inJurisdiction(id, ReviewProcess.DAC_VOTE, code), null);
      complete(inJurisdiction(id, ReviewProcess.CHAIR_DECISION, code), "approve");
    }
    assertFalse(steps.of(id).contains("approved " + id), "FR has not decided yet");
    assertEquals(0, tasks(id, ReviewProcess.ACCEPT_AGREEMENT).size());

    complete(inJurisdiction(id, ReviewProcess.DAC_VOTE, "FR"), null);
    complete(inJurisdiction(id, ReviewProcess.CHAIR_DECISION, "FR"), "approve");

    assertTrue(steps.of(id).contains("approved " + id));
    assertEquals(1, tasks(id, ReviewProcess.ACCEPT_AGREEMENT).size());
    assertEquals(
        4, steps.of(id).stream().filter(step -> step.startsWith("jurisdictionApproved")).count());
  }

  @Test
  void aReturnAtTheCompletenessCheckWaitsForTheApplicantThenChecksAgain() {
    String id = start("LU");
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "return");
    assertEquals(List.of("returned " + id + " null"), steps.of(id));
    Task revise = only(id, ReviewProcess.REVISE);
    assertEquals(APPLICANT, revise.getAssignee());
    assertEquals(0, tasks(id, ReviewProcess.COMPLETENESS_CHECK).size());

    complete(revise, null);

    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    assertEquals(1, tasks(id, ReviewProcess.ETHICS_CHECK).size());
  }

  @Test
  void aReturnByOneCommitteeGoesBackToItsEthicsCheckWhileTheOtherContinues() {
    String id = start("LU", "DE");
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    complete(inJurisdiction(id, ReviewProcess.ETHICS_CHECK, "LU"), "approve");
    complete(inJurisdiction(id, ReviewProcess.ETHICS_CHECK, "DE"), "approve");
    complete(inJurisdiction(id, ReviewProcess.DAC_VOTE, "DE"), null);
    complete(inJurisdiction(id, ReviewProcess.CHAIR_DECISION, "DE"), "return");

    assertTrue(steps.of(id).contains("returned " + id + " DE"));
    Task revise = only(id, ReviewProcess.REVISE_FOR_JURISDICTION);
    assertEquals(APPLICANT, revise.getAssignee());
    assertEquals(1, tasks(id, ReviewProcess.DAC_VOTE).size(), "LU's committee still votes");

    complete(revise, null);
    complete(inJurisdiction(id, ReviewProcess.ETHICS_CHECK, "DE"), "approve");
    complete(inJurisdiction(id, ReviewProcess.DAC_VOTE, "DE"), null);
    complete(inJurisdiction(id, ReviewProcess.CHAIR_DECISION, "DE"), "approve");
    complete(inJurisdiction(id, ReviewProcess.DAC_VOTE, "LU"), null);
    complete(inJurisdiction(id, ReviewProcess.CHAIR_DECISION, "LU"), "approve");
    assertTrue(steps.of(id).contains("approved " + id));
  }

  @Test
  void aRejectionInOneJurisdictionRejectsAndEndsTheOthers() {
    String id = start("LU", "FR");
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    complete(inJurisdiction(id, ReviewProcess.ETHICS_CHECK, "LU"), "approve");
    complete(inJurisdiction(id, ReviewProcess.DAC_VOTE, "LU"), null);
    complete(inJurisdiction(id, ReviewProcess.CHAIR_DECISION, "LU"), "reject");

    assertEquals(
        List.of("underReview " + id, "jurisdictionRejected " + id + " LU", "rejected " + id),
        steps.of(id));
    assertEnded(id);
  }

  @Test
  void aRejectedEthicsCheckRejectsTheApplication() {
    String id = start("CH");
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    complete(only(id, ReviewProcess.ETHICS_CHECK), "reject");
    assertEquals(
        List.of("underReview " + id, "jurisdictionRejected " + id + " CH", "rejected " + id),
        steps.of(id));
    assertEnded(id);
  }

  @Test
  void theCommitteeIsRemindedAndTheChairAlertedAfterTheirCommitteesPeriods() {
    String id = start("FR");
    long started = System.currentTimeMillis();
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    complete(only(id, ReviewProcess.ETHICS_CHECK), "approve");
    assertEquals(
        List.of("decisionDue", "escalationDue", "reminderDue"),
        timers(id).stream().map(Job::getElementId).sorted().toList(),
        "the legal clock, the escalation and the reminders are scheduled");
    Job reminder = timer(id, "reminderDue");
    Job escalation = timer(id, "escalationDue");
    assertEquals(
        5,
        Math.round((reminder.getDuedate().getTime() - started) / (24 * 3600 * 1000.0)),
        "FR's committee is reminded after its own 5 days");
    assertEquals(
        12,
        Math.round((escalation.getDuedate().getTime() - started) / (24 * 3600 * 1000.0)),
        "and its chair alerted after 12");

    fire(reminder);
    assertTrue(steps.of(id).contains("remind " + id + " FR"));
    assertEquals(1, tasks(id, ReviewProcess.DAC_VOTE).size(), "the vote goes on");
    assertEquals(
        1, timers(id).stream().filter(t -> t.getElementId().equals("reminderDue")).count());
    fire(escalation);
    assertTrue(steps.of(id).contains("escalate " + id + " FR"));
    assertEquals(1, tasks(id, ReviewProcess.DAC_VOTE).size());

    complete(only(id, ReviewProcess.DAC_VOTE), null);
    complete(only(id, ReviewProcess.CHAIR_DECISION), "approve");
    assertEquals(List.of(), timers(id), "timers end with the jurisdiction's decision");
  }

  @Test
  void aReturnedApplicationIsWarnedTwiceThenLapsesAndEndsEveryJurisdictionsReview() {
    String id = start("LU", "DE");
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    complete(inJurisdiction(id, ReviewProcess.ETHICS_CHECK, "LU"), "return");
    assertEquals(1, tasks(id, ReviewProcess.REVISE_FOR_JURISDICTION).size());

    fire(timer(id, "reviseForJurisdictionFirstWarning"));
    fire(timer(id, "reviseForJurisdictionLastWarning"));
    assertEquals(1, tasks(id, ReviewProcess.REVISE_FOR_JURISDICTION).size(), "still waiting");
    fire(timer(id, "reviseForJurisdictionLapses"));

    assertEquals(
        List.of(
            "underReview " + id,
            "returned " + id + " LU",
            "warnBeforeLapse " + id + " LU",
            "warnBeforeLapse " + id + " LU",
            "lapsed " + id + " LU"),
        steps.of(id));
    assertEnded(id);
  }

  @Test
  void theVoteClosesAtTheQuorumWithoutTheConflictedMember() {
    String id = start("DE");
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    complete(only(id, ReviewProcess.ETHICS_CHECK), "approve");
    Task vote = only(id, ReviewProcess.DAC_VOTE);
    int quorum = 2; // the seeded rules of every committee
    List<Vote> cast = new ArrayList<>();

    assertFalse(castVote(vote, cast, "member-a", true, quorum), "a conflict is no vote");
    assertThrows(Refusal.class, () -> castVote(vote, cast, "member-a", false, quorum));
    assertFalse(castVote(vote, cast, "member-b", false, quorum));
    assertThrows(Refusal.class, () -> castVote(vote, cast, "member-b", false, quorum));
    assertEquals(
        1, tasks(id, ReviewProcess.DAC_VOTE).size(), "below the quorum the vote stays open");
    assertEquals(0, tasks(id, ReviewProcess.CHAIR_DECISION).size());

    assertTrue(castVote(vote, cast, "member-c", false, quorum));
    assertEquals(0, tasks(id, ReviewProcess.DAC_VOTE).size());
    assertEquals(1, tasks(id, ReviewProcess.CHAIR_DECISION).size(), "the chair decides now");
  }

  /** Casts a vote by the committee's rules; at the quorum the vote task is completed. */
  private static boolean castVote(
      Task task, List<Vote> cast, String member, boolean conflict, int quorum) {
    Vote vote =
        new Vote(
            "DE",
            1,
            member,
            member,
            conflict,
            conflict ? java.util.Optional.empty() : java.util.Optional.of("approve"),
            java.util.Optional.of("reason"),
            java.time.Instant.now());
    boolean reached = Ballot.cast(cast, vote, quorum);
    cast.add(vote);
    if (reached) {
      engine.getTaskService().complete(task.getId());
    }
    return reached;
  }

  @Test
  void withdrawalEndsTheProcessAndItsTasks() {
    String id = start("LU", "DE");
    complete(only(id, ReviewProcess.COMPLETENESS_CHECK), "approve");
    engine.getRuntimeService().deleteProcessInstance(instanceOf(id), "withdrawn");
    assertEquals(
        0, engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).count());
    assertEnded(id);
  }

  @Test
  void anApplicationUnderReviewFinishesOnItsVersionWhenANewVersionIsDeployed() throws IOException {
    String running = start("LU");
    complete(only(running, ReviewProcess.COMPLETENESS_CHECK), "approve");
    String before = definitionOf(running);

    String changed;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ReviewProcess.RESOURCE)) {
      changed =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("name=\"Check completeness\"", "name=\"Check that nothing is missing\"");
    }
    engine
        .getRepositoryService()
        .createDeployment()
        .name("review-v-next")
        .addInputStream(
            ReviewProcess.RESOURCE,
            new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)))
        .deploy();
    try {
      String fresh = start("DE");
      assertNotEquals(before, definitionOf(fresh), "new applications use the new version");
      assertEquals(
          "Check that nothing is missing", only(fresh, ReviewProcess.COMPLETENESS_CHECK).getName());

      assertEquals(before, definitionOf(running), "the running one keeps its version");
      complete(only(running, ReviewProcess.ETHICS_CHECK), "approve");
      complete(only(running, ReviewProcess.DAC_VOTE), null);
      complete(only(running, ReviewProcess.CHAIR_DECISION), "approve");
      complete(only(running, ReviewProcess.ACCEPT_AGREEMENT), null);
      assertTrue(steps.of(running).contains("grantEntitlements " + running));
      assertEnded(running);
    } finally {
      // Back to the production file as the newest version, for the other tests.
      engine
          .getRepositoryService()
          .createDeployment()
          .name("review-back")
          .addClasspathResource(ReviewProcess.RESOURCE)
          .deploy();
    }
  }

  // --- helpers ---------------------------------------------------------------------------

  private static String start(String... jurisdictions) {
    String id = UUID.randomUUID().toString();
    Map<String, Object> variables = new HashMap<>();
    variables.put(ReviewProcess.APPLICATION_ID, id);
    variables.put(ReviewProcess.APPLICANT, APPLICANT);
    variables.put(ReviewProcess.JURISDICTIONS, new ArrayList<>(List.of(jurisdictions)));
    List<String> stewards = new ArrayList<>();
    for (String code : jurisdictions) {
      stewards.add(ReviewGroups.stewards(code));
    }
    variables.put(ReviewProcess.STEWARD_GROUPS, String.join(",", stewards));
    variables.put(ReviewProcess.REJECTED, false);
    variables.put(ReviewProcess.LAPSED, false);
    engine.getRuntimeService().startProcessInstanceByKey(ReviewProcess.KEY, id, variables);
    return id;
  }

  private static String instanceOf(String id) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(id)
        .singleResult()
        .getId();
  }

  private static String definitionOf(String id) {
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult();
    return instance.getProcessDefinitionId();
  }

  private static List<Task> tasks(String id, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(id)
        .taskDefinitionKey(key)
        .list();
  }

  private static Task only(String id, String key) {
    List<Task> found = tasks(id, key);
    assertEquals(1, found.size(), "exactly one open " + key + " task");
    return found.get(0);
  }

  private static Task inJurisdiction(String id, String key, String jurisdiction) {
    return tasks(id, key).stream()
        .filter(
            task ->
                jurisdiction.equals(
                    engine
                        .getRuntimeService()
                        .getVariable(task.getExecutionId(), ReviewProcess.JURISDICTION)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " task in " + jurisdiction));
  }

  private static List<String> candidates(Task task) {
    List<String> groups = new ArrayList<>();
    engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .forEach(link -> groups.add(link.getGroupId()));
    return groups;
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  private static void complete(Task task, String outcome) {
    Map<String, Object> transients = new HashMap<>();
    if (outcome != null) {
      transients.put(ReviewProcess.OUTCOME, outcome);
    }
    engine.getTaskService().complete(task.getId(), "someone", null, transients);
  }

  private static List<Job> timers(String id) {
    return engine
        .getManagementService()
        .createTimerJobQuery()
        .processInstanceId(instanceOf(id))
        .list();
  }

  private static Job timer(String id, String elementId) {
    List<Job> found =
        timers(id).stream().filter(job -> job.getElementId().equals(elementId)).toList();
    assertEquals(1, found.size(), "one timer " + elementId);
    return found.get(0);
  }

  private static void fire(Job timer) {
    Job executable = engine.getManagementService().moveTimerToExecutableJob(timer.getId());
    engine.getManagementService().executeJob(executable.getId());
  }

  private static void assertEnded(String id) {
    assertEquals(
        0,
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .count(),
        "the process has ended");
  }

  /** Records the service tasks the process reaches, as "method applicationId [jurisdiction]". */
  static final class StepRecorder implements ReviewSteps {
    final List<String> taken = Collections.synchronizedList(new ArrayList<>());

    List<String> of(String id) {
      return taken.stream().filter(step -> step.contains(id)).toList();
    }

    @Override
    public void underReview(String applicationId) {
      taken.add("underReview " + applicationId);
    }

    @Override
    public void returned(String applicationId, String jurisdiction) {
      taken.add("returned " + applicationId + " " + jurisdiction);
    }

    @Override
    public void jurisdictionApproved(String applicationId, String jurisdiction) {
      taken.add("jurisdictionApproved " + applicationId + " " + jurisdiction);
    }

    @Override
    public boolean jurisdictionRejected(String applicationId, String jurisdiction) {
      taken.add("jurisdictionRejected " + applicationId + " " + jurisdiction);
      return true;
    }

    @Override
    public void approved(String applicationId) {
      taken.add("approved " + applicationId);
    }

    @Override
    public void rejected(String applicationId) {
      taken.add("rejected " + applicationId);
    }

    @Override
    public void grantEntitlements(String applicationId) {
      taken.add("grantEntitlements " + applicationId);
    }

    @Override
    public void remind(String applicationId, String jurisdiction) {
      taken.add("remind " + applicationId + " " + jurisdiction);
    }

    @Override
    public void escalate(String applicationId, String jurisdiction) {
      taken.add("escalate " + applicationId + " " + jurisdiction);
    }

    /** FR's committee as an administrator set it: reminded after 5 days, escalated after 12. */
    @Override
    public String reminderPeriod(String jurisdiction) {
      return jurisdiction.equals("FR") ? "P5D" : "P7D";
    }

    @Override
    public String escalationPeriod(String jurisdiction) {
      return jurisdiction.equals("FR") ? "P12D" : "P14D";
    }

    @Override
    public java.util.Date decisionDue(String applicationId, String jurisdiction) {
      return new java.util.Date(System.currentTimeMillis() + 90L * 24 * 3600 * 1000);
    }

    @Override
    public void decisionOverdue(String applicationId, String jurisdiction) {
      taken.add("decisionOverdue " + applicationId + " " + jurisdiction);
    }

    @Override
    public java.util.Date resubmissionDue(
        String applicationId, String jurisdiction, int daysBefore) {
      return new java.util.Date(System.currentTimeMillis() + (28L - daysBefore) * 24 * 3600 * 1000);
    }

    @Override
    public void warnBeforeLapse(String applicationId, String jurisdiction) {
      taken.add("warnBeforeLapse " + applicationId + " " + jurisdiction);
    }

    @Override
    public boolean lapsed(String applicationId, String jurisdiction) {
      taken.add("lapsed " + applicationId + " " + jurisdiction);
      return true;
    }

    @Override
    public String reminderCycle(String jurisdiction) {
      return "R12/" + reminderPeriod(jurisdiction);
    }

    @Override
    public void ethicsRenewalAccepted(String applicationId, String ethicsApprovalId) {
      taken.add("ethicsRenewalAccepted " + applicationId + " " + ethicsApprovalId);
    }

    @Override
    public void ethicsRenewalRefused(String applicationId, String ethicsApprovalId) {
      taken.add("ethicsRenewalRefused " + applicationId + " " + ethicsApprovalId);
    }
  }
}
