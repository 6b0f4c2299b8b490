package eu.clinnova.workflow.application;

import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.deadline.Deadline;
import eu.clinnova.workflow.deadline.DeadlineStore;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewGroups;
import eu.clinnova.workflow.process.ReviewProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * An applicant submits: a draft (which starts the review process), a returned application again
 * (which resumes the review where it was returned), or an amendment of an approved application.
 */
@ApplicationScoped
public class Submissions {

  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  private final ApplicantChanges changes;
  private final ApplicationStore applications;
  private final NotificationStore notifications;
  private final AgreementStore agreements;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DeadlineStore deadlines;

  @Inject
  public Submissions(
      ApplicantChanges changes,
      ApplicationStore applications,
      NotificationStore notifications,
      AgreementStore agreements,
      RuntimeService runtime,
      TaskService tasks,
      DeadlineStore deadlines) {
    this.deadlines = deadlines;
    this.changes = changes;
    this.applications = applications;
    this.notifications = notifications;
    this.agreements = agreements;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** For CDI's client proxy only. */
  protected Submissions() {
    this(null, null, null, null, null, null, null);
  }

  /**
   * Submits a draft (starting the review) or resubmits a returned application (completing the
   * revision tasks, so that the review resumes where it returned the application).
   */
  @Transactional
  public Applications.Changed submit(Caller caller, UUID id) {
    Application application = changes.ownApplication(caller, id);
    if (!application.state().isEditable()) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": it cannot be submitted.");
    }
    Map<String, Dataset> known = changes.knownDatasets(application.document());
    List<FieldProblem> missing = new ArrayList<>();
    Optional<Application> amended = amended(application);
    // A renewal may change what the project needs (its review is of the whole); an amendment only
    // adds.
    amended
        .filter(approved -> !application.renewal())
        .ifPresent(
            approved ->
                missing.addAll(Amendment.problems(approved.document(), application.document())));
    missing.addAll(
        SubmissionChecklist.missing(
            application.document(),
            known,
            applications.ethicsInForce(application),
            POLICIES.all(),
            changes.today()));
    if (!missing.isEmpty()) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "application-incomplete",
          "The application cannot be submitted yet: " + missing.size() + " thing(s) missing.",
          missing);
    }
    List<String> jurisdictions =
        amended.isPresent() && !application.renewal()
            ? Amendment.between(amended.get().document(), application.document())
                .jurisdictions(known, amended.get().jurisdictions())
            : SubmissionChecklist.jurisdictions(application.document(), known);
    boolean first = application.state() == ApplicationState.DRAFT;
    if (!first && !jurisdictions.equals(application.jurisdictions())) {
      throw Refusal.conflict(
          "jurisdictions-changed",
          "A returned application must keep the jurisdictions it was submitted for ("
              + String.join(", ", application.jurisdictions())
              + "); ask for datasets of other jurisdictions in a new application.");
    }
    Instant now = changes.now();
    int revision = application.revision() + 1;
    applications.insertRevision(id, revision, application.document(), now);
    Application submitted =
        new Application(
            id,
            application.ownerSub(),
            application.ownerName(),
            ApplicationState.SUBMITTED,
            application.document(),
            jurisdictions,
            revision,
            application.processInstanceId(),
            application.createdAt(),
            now,
            application.amends(),
            application.renewal());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("revision", revision);
    data.put("jurisdictions", jurisdictions);
    data.put("datasets", application.document().datasets());
    data.put("documentSha256", Applications.sha256(application.document()));
    if (first) {
      for (String jurisdiction : jurisdictions) {
        applications.saveReview(
            id,
            new JurisdictionReview(
                jurisdiction, "waiting", Optional.empty(), Optional.empty(), 1, now));
      }
      applications.update(submitted);
      changes.event(submitted, "submitted", null, caller, Role.RESEARCHER, null, null);
      for (String jurisdiction : jurisdictions) {
        notifications.notify(
            ReviewGroups.stewards(jurisdiction), id, "completeness-check-due", jurisdiction, now);
      }
      PendingAudit audit =
          changes.audit(caller, Role.RESEARCHER, "application.submitted", submitted, data);
      String processId = startReview(submitted);
      submitted = withProcess(submitted, processId);
      applications.update(submitted);
      return new Applications.Changed(submitted, audit);
    }
    return resubmit(caller, submitted, data);
  }

  private Applications.Changed resubmit(
      Caller caller, Application submitted, Map<String, Object> data) {
    List<Task> revisions =
        tasks
            .createTaskQuery()
            .processInstanceId(submitted.processInstanceId().orElseThrow())
            .taskAssignee(submitted.ownerSub())
            .list()
            .stream()
            .filter(task -> ReviewProcess.isRevision(task.getTaskDefinitionKey()))
            .toList();
    boolean completeness =
        revisions.stream()
            .anyMatch(task -> ReviewProcess.REVISE.equals(task.getTaskDefinitionKey()));
    Instant now = submitted.updatedAt();
    Application resumed =
        submitted.with(
            completeness ? ApplicationState.SUBMITTED : ApplicationState.UNDER_REVIEW, now);
    applications.update(resumed);
    for (JurisdictionReview review : applications.reviews(submitted.id())) {
      if ("returned".equals(review.state())) {
        applications.saveReview(
            submitted.id(),
            new JurisdictionReview(
                review.jurisdiction(),
                "ethics-check",
                Optional.empty(),
                Optional.empty(),
                review.round(),
                now));
      }
    }
    // Resubmitted in time: the clock towards the lapse stops.
    deadlines.closeAll(submitted.id(), Deadline.Step.RESUBMISSION, now);
    changes.event(resumed, "resubmitted", null, caller, Role.RESEARCHER, null, null);
    PendingAudit audit =
        changes.audit(caller, Role.RESEARCHER, "application.resubmitted", resumed, data);
    for (Task revision : revisions) {
      tasks.complete(revision.getId());
    }
    return new Applications.Changed(resumed, audit);
  }

  private Optional<Application> amended(Application application) {
    if (application.amends().isEmpty()) {
      return Optional.empty();
    }
    return applications.find(application.amends().get());
  }

  /**
   * Starts an amendment of an approved application: a draft that copies its document, for the
   * applicant to add datasets or team members; its review concerns what it adds.
   */
  @Transactional
  public Applications.Changed amend(Caller caller, UUID id) {
    return linked(caller, id, false);
  }

  /**
   * Starts a renewal of an approved application: a draft holding the approved content, for the
   * applicant to say what changes (a longer duration, the team, the datasets); every jurisdiction
   * of its datasets reviews it; once approved and accepted, access continues without a gap.
   */
  @Transactional
  public Applications.Changed renew(Caller caller, UUID id) {
    return linked(caller, id, true);
  }

  private Applications.Changed linked(Caller caller, UUID id, boolean renewal) {
    Application approved = changes.ownApplication(caller, id);
    String what = renewal ? "renewed" : "amended";
    if (approved.state() != ApplicationState.APPROVED || approved.isAmendment()) {
      throw Refusal.conflict(
          renewal ? "not-renewable" : "not-amendable",
          "Only an approved application (not an amendment or a renewal) can be " + what + ".");
    }
    if (agreements.find(id).isEmpty()) {
      throw Refusal.conflict(
          "agreement-first",
          "Accept the data access agreement of the approved application before it is "
              + what
              + ".");
    }
    if (applications.amendmentsOf(id).stream()
        .anyMatch(open -> !open.state().isFinal() && open.state() != ApplicationState.APPROVED)) {
      throw Refusal.conflict(
          "amendment-open",
          "An amendment or a renewal of this application is already in progress.");
    }
    Instant now = changes.now();
    Application draft =
        new Application(
            UUID.randomUUID(),
            approved.ownerSub(),
            approved.ownerName(),
            ApplicationState.DRAFT,
            approved.document(),
            approved.jurisdictions(),
            0,
            Optional.empty(),
            now,
            now,
            Optional.of(id),
            renewal);
    applications.insert(draft);
    changes.event(draft, "created", null, caller, Role.RESEARCHER, null, null);
    changes.event(
        approved,
        renewal ? "renewal-started" : "amendment-started",
        null,
        caller,
        Role.RESEARCHER,
        null,
        null);
    return new Applications.Changed(
        draft,
        changes.audit(
            caller,
            Role.RESEARCHER,
            renewal ? "application.renewal-created" : "application.amendment-created",
            draft,
            Map.of(renewal ? "renews" : "amends", id.toString())));
  }

  private String startReview(Application application) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ReviewProcess.APPLICATION_ID, application.id().toString());
    variables.put(ReviewProcess.APPLICANT, application.ownerSub());
    variables.put(ReviewProcess.JURISDICTIONS, new ArrayList<>(application.jurisdictions()));
    variables.put(
        ReviewProcess.STEWARD_GROUPS,
        String.join(
            ",", application.jurisdictions().stream().map(ReviewGroups::stewards).toList()));
    variables.put(ReviewProcess.REJECTED, false);
    variables.put(ReviewProcess.LAPSED, false);
    return runtime
        .startProcessInstanceByKey(ReviewProcess.KEY, application.id().toString(), variables)
        .getId();
  }

  private static Application withProcess(Application application, String processId) {
    return new Application(
        application.id(),
        application.ownerSub(),
        application.ownerName(),
        application.state(),
        application.document(),
        application.jurisdictions(),
        application.revision(),
        Optional.of(processId),
        application.createdAt(),
        application.updatedAt(),
        application.amends(),
        application.renewal());
  }
}
