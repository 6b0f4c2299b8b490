package eu.clinnova.workflow.application;

import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Actors;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.TeamEntitlements;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * The data access agreement of an approved application is accepted by its applicant, which starts
 * the entitlements, and by each team member with a researcher's account, in their own name, which
 * gives them entitlements of their own (ADR 0027).
 */
@ApplicationScoped
public class AgreementAcceptance {

  /**
   * The applicant's answer: whether they accept, and the version of the agreement they were shown
   * (empty where it was not a whole number from 1).
   */
  public record Answer(boolean accepted, Optional<Integer> agreementVersion) {}

  private final ApplicantChanges changes;
  private final AgreementStore agreements;
  private final TaskService tasks;
  private final ApplicationStore applications;
  private final TeamEntitlements team;
  private final NotificationStore notifications;

  @Inject
  public AgreementAcceptance(
      ApplicantChanges changes,
      AgreementStore agreements,
      TaskService tasks,
      ApplicationStore applications,
      TeamEntitlements team,
      NotificationStore notifications) {
    this.changes = changes;
    this.agreements = agreements;
    this.tasks = tasks;
    this.applications = applications;
    this.team = team;
    this.notifications = notifications;
  }

  /** For CDI's client proxy only. */
  protected AgreementAcceptance() {
    this(null, null, null, null, null, null);
  }

  /**
   * The applicant accepts the agreement shown to them (its version must be the current one); the
   * process then grants the entitlements, in this transaction.
   */
  @Transactional
  public Applications.Changed acceptAgreement(Caller caller, UUID id, Answer answer) {
    Optional<Application> seen = applications.find(id);
    if (seen.isPresent() && ApplicationAccess.isTeamMember(caller, seen.get())) {
      return acceptAsMember(caller, seen.get(), answer);
    }
    Application application = changes.ownApplication(caller, id);
    DataAccessAgreement agreement = shown(answer);
    Optional<Task> task =
        application.processInstanceId().isEmpty()
            ? Optional.empty()
            : tasks
                .createTaskQuery()
                .processInstanceId(application.processInstanceId().get())
                .taskDefinitionKey(ReviewProcess.ACCEPT_AGREEMENT)
                .list()
                .stream()
                .findFirst();
    if (application.state() != ApplicationState.APPROVED || task.isEmpty()) {
      throw Refusal.conflict(
          "agreement-not-expected",
          application.state() == ApplicationState.APPROVED
              ? "The agreement has already been accepted."
              : "The agreement is accepted once the application is approved.");
    }
    Instant now = changes.now();
    agreements.insert(id, agreement, now, caller.subject());
    PendingAudit audit = logged(caller, application, "agreement-accepted", agreement);
    tasks.complete(task.get().getId());
    return new Applications.Changed(application, audit);
  }

  /**
   * A team member accepts in their own name, on the project (an amendment's or renewal's page
   * accepts for the approved application it extends), once the project is approved and names them.
   * They then share the applicant's access that has not ended; what the applicant is granted later
   * (an amendment, a renewal) is shared with them as it comes.
   */
  private Applications.Changed acceptAsMember(Caller caller, Application seen, Answer answer) {
    DataAccessAgreement agreement = shown(answer);
    UUID projectId = seen.amends().orElse(seen.id());
    Application project =
        applications.lock(projectId).orElseThrow(() -> Refusal.notFound("No such application."));
    String address = caller.teamAddress().orElseThrow();
    if (project.state() != ApplicationState.APPROVED || project.teamMember(address).isEmpty()) {
      throw Refusal.conflict(
          "agreement-not-expected",
          project.state() != ApplicationState.APPROVED
              ? "The agreement is accepted once the application is approved."
              : "The project names you once the amendment that adds you is approved.");
    }
    boolean already =
        agreements.members(projectId).stream()
            .anyMatch(
                member ->
                    member.memberSub().equals(caller.subject())
                        || member.address().equals(address));
    if (already) {
      throw Refusal.conflict(
          "agreement-not-expected", "You have already accepted the agreement for this project.");
    }
    Instant now = changes.now();
    agreements.insertMember(
        new AgreementStore.MemberAcceptance(
            projectId, caller.subject(), address, agreement.version(), agreement.sha256(), now));
    PendingAudit audit = logged(caller, project, "member-agreement-accepted", agreement);
    List<Entitlement> shared =
        team.shareHeld(
            projectId,
            project.ownerSub(),
            caller.subject(),
            Actors.of(caller, Role.RESEARCHER),
            now);
    notifications.notify(project.ownerSub(), projectId, "member-agreement-accepted", null, now);
    if (!shared.isEmpty()) {
      notifications.notify(caller.subject(), projectId, "entitlements-granted", null, now);
    }
    return new Applications.Changed(project, audit);
  }

  /**
   * The acceptance on the application's timeline ({@code kind}) and in the audit log ({@code
   * application.<kind>}, with the version and digest accepted).
   */
  private PendingAudit logged(
      Caller caller, Application application, String kind, DataAccessAgreement agreement) {
    changes.event(application, kind, null, caller, Role.RESEARCHER, null, null);
    return changes.audit(
        caller,
        Role.RESEARCHER,
        "application." + kind,
        application,
        Map.of("agreementVersion", agreement.version(), "agreementSha256", agreement.sha256()));
  }

  /** The agreement in force, if the answer accepts it as shown: the version must be current. */
  private DataAccessAgreement shown(Answer answer) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!answer.accepted()) {
      problems.add(new FieldProblem("accepted", "must be true to accept the agreement"));
    }
    Optional<Integer> version = answer.agreementVersion();
    if (version.isEmpty()) {
      problems.add(
          new FieldProblem("agreementVersion", "must be the version shown, a whole number"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The acceptance is invalid.", problems);
    }
    DataAccessAgreement agreement = agreements.current();
    if (version.get() != agreement.version()) {
      throw Refusal.conflict(
          "agreement-version-outdated",
          "Version " + agreement.version() + " of the agreement is the one to accept.");
    }
    return agreement;
  }
}
