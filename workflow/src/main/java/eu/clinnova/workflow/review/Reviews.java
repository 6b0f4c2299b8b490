package eu.clinnova.workflow.review;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationEvent;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.JurisdictionReview;
import eu.clinnova.workflow.committee.CommitteeStore;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewGroups;
import eu.clinnova.workflow.process.ReviewProcess;
import eu.clinnova.workflow.process.Vote;
import eu.clinnova.workflow.process.VoteStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * The reviewers' side: their open tasks, and completing one (a completeness or ethics check, a vote
 * or a declared conflict, the chair's decision). Nobody reviews their own application; a member who
 * declared a conflict neither votes nor decides; the vote closes at the quorum.
 */
@ApplicationScoped
public class Reviews {

  /** What completing did: the audit entry, and whether the task is closed (a vote may not be). */
  public record Completed(PendingAudit audit, boolean taskClosed) {}

  private final AuditTrail auditLog;
  private final TaskService taskService;
  private final RuntimeService runtime;
  private final ApplicationStore applications;
  private final VoteStore votes;
  private final NotificationStore notifications;
  private final Clock clock;
  private final CommitteeStore committees;

  @Inject
  public Reviews(
      AuditTrail auditLog,
      TaskService taskService,
      RuntimeService runtime,
      ApplicationStore applications,
      VoteStore votes,
      NotificationStore notifications,
      CommitteeStore committees,
      Clock clock) {
    this.committees = committees;
    this.auditLog = auditLog;
    this.taskService = taskService;
    this.runtime = runtime;
    this.applications = applications;
    this.votes = votes;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected Reviews() {
    this(null, null, null, null, null, null, null, null);
  }

  /**
   * Review steps past their due date in every jurisdiction, the longest overdue first, for the
   * administrators and compliance officers who watch the network (at most {@code limit}).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReviewTask> overdue(Caller caller, int limit) {
    if (!caller.hasAny(Role.ADMIN, Role.COMPLIANCE_OFFICER)) {
      throw Refusal.forbidden("Overdue steps are for administrators and compliance officers.");
    }
    List<ReviewTask> overdue = new ArrayList<>();
    Map<UUID, Optional<Application>> seen = new HashMap<>();
    for (Task task :
        taskService
            .createTaskQuery()
            .processDefinitionKeyIn(ReviewProcess.KEYS)
            .taskDueBefore(java.util.Date.from(clock.instant()))
            .orderByTaskDueDate()
            .asc()
            .listPage(0, limit)) {
      UUID applicationId = applicationOf(task);
      Optional<Application> application = seen.computeIfAbsent(applicationId, applications::find);
      overdue.add(
          new ReviewTask(
              task.getId(),
              task.getTaskDefinitionKey(),
              task.getName(),
              applicationId,
              application.flatMap(found -> found.document().title()).orElse(""),
              jurisdictionOf(task),
              task.getCreateTime().toInstant(),
              Optional.ofNullable(task.getDueDate()).map(java.util.Date::toInstant)));
    }
    return overdue;
  }

  /** The caller's open tasks, overdue and soonest due first, without their own applications. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReviewTask> openTasks(Caller caller) {
    Set<String> groups = ReviewGroups.of(caller);
    if (groups.isEmpty()) {
      return List.of();
    }
    List<ReviewTask> open = new ArrayList<>();
    Map<UUID, Optional<Application>> seen = new HashMap<>();
    Map<UUID, List<Vote>> votesSeen = new HashMap<>();
    for (Task task :
        taskService
            .createTaskQuery()
            .processDefinitionKeyIn(ReviewProcess.KEYS)
            .taskCandidateGroupIn(List.copyOf(groups))
            .list()) {
      UUID applicationId = applicationOf(task);
      Optional<Application> application = seen.computeIfAbsent(applicationId, applications::find);
      if (application.isEmpty() || application.get().isOwnedBy(caller.subject())) {
        continue;
      }
      Optional<String> jurisdiction = jurisdictionOf(task);
      if (ReviewProcess.DAC_VOTE.equals(task.getTaskDefinitionKey())) {
        List<Vote> cast = votesSeen.computeIfAbsent(applicationId, votes::votes);
        int round = round(applicationId, jurisdiction.orElseThrow());
        if (cast.stream()
            .anyMatch(
                vote ->
                    vote.memberSub().equals(caller.subject())
                        && vote.jurisdiction().equals(jurisdiction.get())
                        && (vote.round() == round || vote.conflict()))) {
          continue;
        }
      }
      open.add(
          new ReviewTask(
              task.getId(),
              task.getTaskDefinitionKey(),
              task.getName(),
              applicationId,
              application.get().document().title().orElse(""),
              jurisdiction,
              task.getCreateTime().toInstant(),
              Optional.ofNullable(task.getDueDate()).map(java.util.Date::toInstant)));
    }

    open.sort(
        Comparator.comparing((ReviewTask task) -> task.due().orElse(Instant.MAX))
            .thenComparing(ReviewTask::created));
    return open;
  }

  /** Completes one of the caller's tasks with an outcome (the contract's task body). */
  @Transactional
  public Completed complete(Caller caller, String memberName, String taskId, TaskOutcome given) {
    Set<String> groups = ReviewGroups.of(caller);
    Task task =
        groups.isEmpty()
            ? null
            : taskService
                .createTaskQuery()
                .taskId(taskId)
                .taskCandidateGroupIn(List.copyOf(groups))
                .singleResult();
    if (task == null) {
      throw Refusal.notFound("No such task among yours.");
    }
    String key = task.getTaskDefinitionKey();
    UUID applicationId = applicationOf(task);
    Application application =
        applications
            .lock(applicationId)
            .orElseThrow(() -> Refusal.notFound("No such task among yours."));
    if (application.isOwnedBy(caller.subject())) {
      throw new Refusal(
          Refusal.Kind.FORBIDDEN,
          "self-review",
          "Nobody may review or vote on their own application.",
          List.of());
    }
    Optional<String> jurisdiction = jurisdictionOf(task);
    TaskOutcome.Checked input = given.checkedFor(key);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    switch (key) {
      case ReviewProcess.COMPLETENESS_CHECK:
        return close(caller, task, application, null, "completeness-checked", input, now);
      case ReviewProcess.ETHICS_CHECK:
        if ("approve".equals(input.outcome())) {
          JurisdictionReview review = review(applicationId, jurisdiction.orElseThrow());
          applications.saveReview(
              applicationId,
              new JurisdictionReview(
                  review.jurisdiction(),
                  "dac-review",
                  Optional.empty(),
                  Optional.empty(),
                  review.round(),
                  now));
          notifications.notify(
              ReviewGroups.committee(review.jurisdiction()),
              applicationId,
              "vote-due",
              review.jurisdiction(),
              now);
        }
        return close(
            caller, task, application, jurisdiction.orElseThrow(), "ethics-checked", input, now);
      case ReviewProcess.ETHICS_RENEWAL_CHECK:
        return close(
            caller,
            task,
            application,
            jurisdiction.orElseThrow(),
            "ethics-renewal-checked",
            input,
            now);
      case ReviewProcess.DAC_VOTE:
        return vote(caller, memberName, task, application, jurisdiction.orElseThrow(), input, now);
      case ReviewProcess.CHAIR_DECISION:
        return decide(caller, task, application, jurisdiction.orElseThrow(), input, now);
      default:
        throw Refusal.conflict(
            "not-a-review-task", "This task is completed by the applicant, not here.");
    }
  }

  private Completed vote(
      Caller caller,
      String memberName,
      Task task,
      Application application,
      String jurisdiction,
      TaskOutcome.Checked input,
      Instant now) {
    List<Vote> cast = votes.votes(application.id());
    int round = round(application.id(), jurisdiction);
    Vote vote =
        new Vote(
            jurisdiction,
            round,
            caller.subject(),
            memberName,
            input.conflictOfInterest(),
            input.conflictOfInterest() ? Optional.empty() : Optional.of(input.outcome()),
            input.comment(),
            now);
    boolean quorumReached =
        Ballot.cast(cast, vote, committees.current(jurisdiction).orElseThrow().quorum());
    if (!votes.insert(application.id(), vote)) {
      throw Refusal.conflict("already-voted", "You have already voted in this round.");
    }
    String kind = input.conflictOfInterest() ? "conflict-declared" : "vote-cast";
    event(
        application,
        kind,
        jurisdiction,
        caller,
        Role.DAC_MEMBER,
        vote.vote(),
        input.comment(),
        now);
    Map<String, Object> data = facts(jurisdiction, input);
    data.put("round", round);
    PendingAudit audit = audit(caller, Role.DAC_MEMBER, "application." + kind, application, data);
    if (!quorumReached) {
      return new Completed(audit, false);
    }
    JurisdictionReview review = review(application.id(), jurisdiction);
    applications.saveReview(
        application.id(),
        new JurisdictionReview(
            jurisdiction,
            "chair-decision",
            Optional.empty(),
            Optional.empty(),
            review.round(),
            now));
    notifications.notify(
        ReviewGroups.chair(jurisdiction), application.id(), "decision-due", jurisdiction, now);
    taskService.complete(task.getId(), caller.subject(), null, Map.of());
    return new Completed(audit, true);
  }

  private Completed decide(
      Caller caller,
      Task task,
      Application application,
      String jurisdiction,
      TaskOutcome.Checked input,
      Instant now) {
    Ballot.requireNoConflict(votes.votes(application.id()), caller.subject(), jurisdiction);
    JurisdictionReview review = review(application.id(), jurisdiction);
    if (!"return".equals(input.outcome())) {
      applications.saveReview(
          application.id(),
          new JurisdictionReview(
              jurisdiction,
              review.state(),
              Optional.of(input.outcome()),
              input.conditions(),
              review.round(),
              now));
    }
    return close(caller, task, application, jurisdiction, "committee-decided", input, now);
  }

  private Completed close(
      Caller caller,
      Task task,
      Application application,
      String jurisdiction,
      String kind,
      TaskOutcome.Checked input,
      Instant now) {
    Role role =
        ReviewProcess.CHAIR_DECISION.equals(task.getTaskDefinitionKey())
            ? Role.DAC_CHAIR
            : Role.DATA_STEWARD;
    event(
        application,
        kind,
        jurisdiction,
        caller,
        role,
        Optional.of(input.outcome()),
        input.comment(),
        now);
    PendingAudit audit =
        audit(caller, role, "application." + kind, application, facts(jurisdiction, input));
    taskService.complete(
        task.getId(), caller.subject(), null, Map.of(ReviewProcess.OUTCOME, input.outcome()));
    return new Completed(audit, true);
  }

  // --- helpers ---------------------------------------------------------------------------

  private static Map<String, Object> facts(String jurisdiction, TaskOutcome.Checked input) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (jurisdiction != null) {
      data.put("jurisdiction", jurisdiction);
    }
    data.put("outcome", input.outcome());
    input.comment().ifPresent(text -> data.put("commentSha256", Sha256.hex(text)));
    input.conditions().ifPresent(text -> data.put("conditionsSha256", Sha256.hex(text)));
    return data;
  }

  private void event(
      Application application,
      String kind,
      String jurisdiction,
      Caller caller,
      Role role,
      Optional<String> outcome,
      Optional<String> comment,
      Instant now) {
    applications.insertEvent(
        application.id(),
        new ApplicationEvent(
            0,
            now,
            kind,
            Optional.ofNullable(jurisdiction),
            caller.subject(),
            role.tokenName(),
            outcome,
            comment));
  }

  private PendingAudit audit(
      Caller caller, Role role, String action, Application application, Map<String, Object> data) {
    return auditLog.record(
        new AuditEvent(
            new AuditEvent.Actor(caller.subject(), role.tokenName()),
            action,
            new AuditEvent.Subject("application", application.id().toString()),
            data));
  }

  private UUID applicationOf(Task task) {
    Object id = runtime.getVariable(task.getExecutionId(), ReviewProcess.APPLICATION_ID);
    return UUID.fromString((String) id);
  }

  private Optional<String> jurisdictionOf(Task task) {
    return Optional.ofNullable(
        (String) runtime.getVariable(task.getExecutionId(), ReviewProcess.JURISDICTION));
  }

  private int round(UUID applicationId, String jurisdiction) {
    return review(applicationId, jurisdiction).round();
  }

  private JurisdictionReview review(UUID applicationId, String jurisdiction) {
    return applications.reviews(applicationId).stream()
        .filter(review -> review.jurisdiction().equals(jurisdiction))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no review in " + jurisdiction));
  }
}
