package eu.clinnova.workflow.application;

import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
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

/** An applicant accepts the data access agreement of an approved application. */
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

  @Inject
  public AgreementAcceptance(
      ApplicantChanges changes, AgreementStore agreements, TaskService tasks) {
    this.changes = changes;
    this.agreements = agreements;
    this.tasks = tasks;
  }

  /** For CDI's client proxy only. */
  protected AgreementAcceptance() {
    this(null, null, null);
  }

  /**
   * The applicant accepts the agreement shown to them (its version must be the current one); the
   * process then grants the entitlements, in this transaction.
   */
  @Transactional
  public Applications.Changed acceptAgreement(Caller caller, UUID id, Answer answer) {
    Application application = changes.ownApplication(caller, id);
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
    changes.event(application, "agreement-accepted", null, caller, Role.RESEARCHER, null, null);
    PendingAudit audit =
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.agreement-accepted",
            application,
            Map.of("agreementVersion", agreement.version(), "agreementSha256", agreement.sha256()));
    tasks.complete(task.get().getId());
    return new Applications.Changed(application, audit);
  }
}
