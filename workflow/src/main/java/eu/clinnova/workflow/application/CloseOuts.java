package eu.clinnova.workflow.application;

import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The end of a project: its applicant writes the close-out report (results and publications), the
 * application is closed, access still running ends, and the results go to the public register.
 */
@ApplicationScoped
public class CloseOuts {

  private final ApplicantChanges changes;
  private final ApplicationStore applications;
  private final EntitlementStore entitlements;
  private final AuditTrail auditLog;

  @Inject
  public CloseOuts(
      ApplicantChanges changes,
      ApplicationStore applications,
      EntitlementStore entitlements,
      AuditTrail auditLog) {
    this.changes = changes;
    this.applications = applications;
    this.entitlements = entitlements;
    this.auditLog = auditLog;
  }

  /** For CDI's client proxy only. */
  protected CloseOuts() {
    this(null, null, null, null);
  }

  /** The applicant closes their approved project with its report. */
  @Transactional
  public Applications.Changed close(
      Caller caller, UUID id, String results, List<String> publications) {
    Application project = changes.ownApplication(caller, id);
    if (project.state() != ApplicationState.APPROVED || project.isAmendment()) {
      throw Refusal.conflict(
          "not-closable",
          "Only an approved application (not an amendment or a renewal) is closed with a report.");
    }
    if (applications.amendmentsOf(id).stream()
        .anyMatch(open -> !open.state().isFinal() && open.state() != ApplicationState.APPROVED)) {
      throw Refusal.conflict(
          "amendment-open",
          "An amendment or a renewal is in progress: withdraw it or let it finish first.");
    }
    List<String> cleaned = publications.stream().map(String::strip).toList();
    var problems = CloseOut.problems(results, cleaned);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The close-out report is incomplete.", problems);
    }
    Instant now = changes.now();
    CloseOut report = new CloseOut(id, results.strip(), cleaned, now);
    applications.insertCloseOut(report, caller.subject());
    // Access still running, or still to come (a renewal's), ends with the project.
    int ended =
        ApplicantRevocations.revoke(
            entitlements,
            auditLog,
            caller,
            id,
            now,
            entitlement ->
                entitlement.revokedAt().isEmpty() && entitlement.validUntil().isAfter(now),
            "project-closed",
            "project-closed");
    Application closed = project.with(ApplicationState.CLOSED, now);
    applications.update(closed);
    changes.event(closed, "closed", null, caller, Role.RESEARCHER, null, null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("previousState", project.state().code());
    data.put("resultsSha256", Sha256.hex(report.results().getBytes(StandardCharsets.UTF_8)));
    data.put("publications", cleaned);
    data.put("entitlementsEnded", ended);
    return new Applications.Changed(
        closed, changes.audit(caller, Role.RESEARCHER, "application.closed", closed, data));
  }
}
