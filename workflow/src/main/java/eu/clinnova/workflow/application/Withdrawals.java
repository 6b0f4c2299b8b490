package eu.clinnova.workflow.application;

import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.deadline.DeadlineStore;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.RuntimeService;

/**
 * An applicant withdraws an application: its review ends, the entitlements it granted are revoked,
 * and an amendment in progress ends with it.
 */
@ApplicationScoped
public class Withdrawals {

  private final ApplicantChanges changes;
  private final ApplicationStore applications;
  private final EntitlementStore entitlements;
  private final AuditTrail auditLog;
  private final RuntimeService runtime;
  private final DeadlineStore deadlines;

  @Inject
  public Withdrawals(
      ApplicantChanges changes,
      ApplicationStore applications,
      EntitlementStore entitlements,
      AuditTrail auditLog,
      RuntimeService runtime,
      DeadlineStore deadlines) {
    this.deadlines = deadlines;
    this.changes = changes;
    this.applications = applications;
    this.entitlements = entitlements;
    this.auditLog = auditLog;
    this.runtime = runtime;
  }

  /** For CDI's client proxy only. */
  protected Withdrawals() {
    this(null, null, null, null, null, null);
  }

  /** The applicant withdraws: the review ends; entitlements already granted are revoked. */
  @Transactional
  public Applications.Changed withdraw(Caller caller, UUID id) {
    Application application = changes.ownApplication(caller, id);
    if (application.state().isFinal()) {
      throw Refusal.conflict(
          "application-ended", "The application is already " + application.state().code() + ".");
    }
    Instant now = changes.now();
    Application withdrawn = application.with(ApplicationState.WITHDRAWN, now);
    applications.update(withdrawn);
    deadlines.closeAll(id, now);
    for (JurisdictionReview review : applications.reviews(id)) {
      if (!"approved".equals(review.state()) && !"rejected".equals(review.state())) {
        applications.saveReview(
            id,
            new JurisdictionReview(
                review.jurisdiction(),
                "ended",
                review.decision(),
                review.conditions(),
                review.round(),
                now));
      }
    }
    int revoked =
        ApplicantRevocations.revoke(
            entitlements,
            auditLog,
            caller,
            id,
            now,
            entitlement -> true,
            "withdrawn",
            "application-withdrawn");
    for (Application amendment : applications.amendmentsOf(id)) {
      if (!amendment.state().isFinal() && amendment.state() != ApplicationState.APPROVED) {
        // An amendment in progress ends with the application it amends.
        applications.update(amendment.with(ApplicationState.WITHDRAWN, now));
        changes.event(amendment, "withdrawn", null, caller, Role.RESEARCHER, null, null);
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.withdrawn",
            amendment.with(ApplicationState.WITHDRAWN, now),
            Map.of("previousState", amendment.state().code(), "withAmended", id.toString()));
        endProcess(amendment);
      }
    }
    changes.event(withdrawn, "withdrawn", null, caller, Role.RESEARCHER, null, null);
    PendingAudit audit =
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.withdrawn",
            withdrawn,
            Map.of("previousState", application.state().code(), "entitlementsRevoked", revoked));
    endProcess(application);
    return new Applications.Changed(withdrawn, audit);
  }

  private void endProcess(Application application) {
    if (application.processInstanceId().isPresent()
        && runtime
                .createProcessInstanceQuery()
                .processInstanceId(application.processInstanceId().get())
                .count()
            > 0) {
      runtime.deleteProcessInstance(application.processInstanceId().get(), "withdrawn");
    }
  }
}
