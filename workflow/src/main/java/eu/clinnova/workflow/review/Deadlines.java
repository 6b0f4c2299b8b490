package eu.clinnova.workflow.review;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationEvent;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.committee.CommitteeStore;
import eu.clinnova.workflow.deadline.Deadline;
import eu.clinnova.workflow.deadline.DeadlineStore;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;

/**
 * The review's clocks as the people who watch them see them: the open steps with their due dates
 * (committees their own jurisdictions', administrators and compliance officers all), and the one
 * extension a chair may give a decision before it is due, which moves the row and the process's
 * timer in the same transaction.
 */
@ApplicationScoped
public class Deadlines {

  /** The extended clock and its audit entry. */
  public record Extended(Deadline deadline, PendingAudit audit) {}

  /** The longest list the dashboard shows; the oldest due come first. */
  public static final int LIMIT = 500;

  /** A reason is a sentence or a paragraph, kept in the log. */
  public static final int REASON_MAX = 2000;

  /** The timer of the decision's legal clock in the review process. */
  static final String DECISION_TIMER = "decisionDue";

  private final DeadlineStore deadlines;
  private final ApplicationStore applications;
  private final CommitteeStore committees;
  private final NotificationStore notifications;
  private final AuditTrail auditLog;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final Clock clock;

  @Inject
  public Deadlines(
      DeadlineStore deadlines,
      ApplicationStore applications,
      CommitteeStore committees,
      NotificationStore notifications,
      AuditTrail auditLog,
      TaskService tasks,
      RuntimeService runtime,
      ManagementService management,
      Clock clock) {
    this.deadlines = deadlines;
    this.applications = applications;
    this.committees = committees;
    this.notifications = notifications;
    this.auditLog = auditLog;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected Deadlines() {
    this(null, null, null, null, null, null, null, null, null);
  }

  /**
   * The open steps the caller may watch, soonest due first: a committee member's own jurisdictions,
   * every jurisdiction for administrators and compliance officers.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OpenDeadline> open(Caller caller) {
    Optional<Collection<String>> scope = scope(caller);
    Instant now = clock.instant();
    Map<UUID, Optional<Application>> seen = new HashMap<>();
    List<OpenDeadline> open = new ArrayList<>();
    for (Deadline deadline : deadlines.openIn(scope, LIMIT)) {
      Optional<Application> application =
          seen.computeIfAbsent(deadline.applicationId(), applications::find);
      open.add(
          new OpenDeadline(
              deadline.applicationId(),
              application.flatMap(found -> found.document().title()).orElse(""),
              deadline.jurisdiction(),
              deadline.step().code(),
              deadline.due(),
              deadline.isOverdue(now),
              deadline.extension().isPresent()));
    }
    for (Task task :
        tasks
            .createTaskQuery()
            .processDefinitionKeyIn(ReviewProcess.KEYS)
            .taskDueAfter(new java.util.Date(0))
            .orderByTaskDueDate()
            .asc()
            .listPage(0, LIMIT)) {
      UUID applicationId =
          UUID.fromString(
              (String) runtime.getVariable(task.getExecutionId(), ReviewProcess.APPLICATION_ID));
      Optional<Application> application = seen.computeIfAbsent(applicationId, applications::find);
      Optional<String> jurisdiction =
          Optional.ofNullable(
              (String) runtime.getVariable(task.getExecutionId(), ReviewProcess.JURISDICTION));
      if (application.isEmpty() || !inScope(scope, application.get(), jurisdiction)) {
        continue;
      }
      Instant due = task.getDueDate().toInstant();
      open.add(
          new OpenDeadline(
              applicationId,
              application.get().document().title().orElse(""),
              jurisdiction,
              OpenDeadline.stepOfTask(task.getTaskDefinitionKey()),
              due,
              now.isAfter(due),
              false));
    }
    open.sort(
        Comparator.comparing(OpenDeadline::due)
            .thenComparing(deadline -> deadline.applicationId().toString()));
    return open.size() > LIMIT ? List.copyOf(open.subList(0, LIMIT)) : List.copyOf(open);
  }

  /**
   * The chair of {@code jurisdiction} extends its decision on the application once, before it is
   * due, by the committee's decision days, with a reason that goes to the log and the applicant.
   */
  @Transactional
  public Extended extend(Caller caller, UUID applicationId, String jurisdiction, String reason) {
    if (!caller.has(Role.DAC_CHAIR) || !caller.actsFor(jurisdiction)) {
      throw Refusal.forbidden(
          "Only the chair of the jurisdiction's committee extends its decision.");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > REASON_MAX) {
      throw Refusal.invalid(
          "The extension needs its reason.",
          List.of(
              new FieldProblem("reason", "must say why, in 1 to " + REASON_MAX + " characters")));
    }
    Application application =
        applications
            .lock(applicationId)
            .filter(found -> !found.isOwnedBy(caller.subject()))
            .orElseThrow(() -> Refusal.notFound("No such application under review."));
    Deadline clock =
        deadlines
            .open(applicationId, Optional.of(jurisdiction), Deadline.Step.DECISION)
            .orElseThrow(
                () ->
                    Refusal.conflict(
                        "no-decision-due", "No decision is due in this jurisdiction."));
    Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (clock.extension().isPresent()) {
      throw Refusal.conflict(
          "already-extended", "The decision was already extended once; it cannot be again.");
    }
    if (clock.isOverdue(now)) {
      throw Refusal.conflict(
          "decision-overdue", "An extension is decided before the decision is due, not after.");
    }
    Instant due =
        clock
            .due()
            .plus(
                committees.current(jurisdiction).orElseThrow().rules().decisionDays(),
                ChronoUnit.DAYS);
    Deadline extended =
        deadlines.extend(clock, due, new Deadline.Extension(now, caller.subject(), why));
    rescheduleTimer(application, jurisdiction, due);
    applications.insertEvent(
        applicationId,
        new ApplicationEvent(
            0,
            now,
            "decision-extended",
            Optional.of(jurisdiction),
            caller.subject(),
            Role.DAC_CHAIR.tokenName(),
            Optional.empty(),
            Optional.of(why)));
    notifications.notify(
        application.ownerSub(), applicationId, "decision-extended", jurisdiction, now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jurisdiction", jurisdiction);
    data.put("previousDue", clock.due().toString());
    data.put("due", due.toString());
    data.put("reason", why);
    PendingAudit audit =
        auditLog.record(
            new AuditEvent(
                new AuditEvent.Actor(caller.subject(), Role.DAC_CHAIR.tokenName()),
                "application.decision-extended",
                new AuditEvent.Subject("application", applicationId.toString()),
                data));
    return new Extended(extended, audit);
  }

  /** Moves the process's decision timer of the jurisdiction to the new due date. */
  private void rescheduleTimer(Application application, String jurisdiction, Instant due) {
    String instance =
        application
            .processInstanceId()
            .orElseThrow(() -> new IllegalStateException("no review process"));
    for (Job timer :
        management
            .createTimerJobQuery()
            .processInstanceId(instance)
            .elementId(DECISION_TIMER)
            .list()) {
      if (jurisdiction.equals(
          runtime.getVariable(timer.getExecutionId(), ReviewProcess.JURISDICTION))) {
        management.rescheduleTimeDateJob(timer.getId(), due.toString());
        return;
      }
    }
    // An application reviewed by a process version without the legal clock: the row alone counts.
  }

  private static Optional<Collection<String>> scope(Caller caller) {
    if (caller.hasAny(Role.ADMIN, Role.COMPLIANCE_OFFICER)) {
      return Optional.empty();
    }
    if (caller.hasAny(Role.DAC_MEMBER, Role.DAC_CHAIR)) {
      return Optional.of(Set.copyOf(caller.jurisdictionCodes()));
    }
    throw Refusal.forbidden(
        "Deadlines are for committees, administrators and compliance officers.");
  }

  private static boolean inScope(
      Optional<Collection<String>> scope, Application application, Optional<String> jurisdiction) {
    if (scope.isEmpty()) {
      return true;
    }
    return jurisdiction.isPresent()
        ? scope.get().contains(jurisdiction.get())
        : application.jurisdictions().stream().anyMatch(scope.get()::contains);
  }
}
