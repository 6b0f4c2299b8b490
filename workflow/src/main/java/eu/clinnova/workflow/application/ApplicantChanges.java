package eu.clinnova.workflow.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.catalogue.CatalogueEntry;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What every change an applicant makes to an application does alike, whichever use case makes it
 * ({@link Applications}, {@link Submissions}, {@link Withdrawals}, {@link AgreementAcceptance}):
 * take their own application under a lock, check the datasets it names, put the step on its
 * timeline and record the audit entry in the same transaction.
 */
@ApplicationScoped
public class ApplicantChanges {

  private final AuditTrail auditLog;
  private final ApplicationStore applications;
  private final DatasetStore datasets;
  private final Clock clock;

  @Inject
  public ApplicantChanges(
      AuditTrail auditLog, ApplicationStore applications, DatasetStore datasets, Clock clock) {
    this.auditLog = auditLog;
    this.applications = applications;
    this.datasets = datasets;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected ApplicantChanges() {
    this(null, null, null, null);
  }

  /**
   * The caller's own application, locked until the transaction ends. Someone who may see it but not
   * change it is refused; anyone else is told it does not exist.
   */
  public Application ownApplication(Caller caller, UUID id) {
    Application application =
        applications.lock(id).orElseThrow(() -> Refusal.notFound("No such application."));
    if (!application.isOwnedBy(caller.subject())) {
      if (ApplicationAccess.canSee(caller, application)) {
        throw Refusal.forbidden("Only the applicant may change an application.");
      }
      throw Refusal.notFound("No such application.");
    }
    return application;
  }

  /** The catalogue's datasets named by the document; an unknown or retired one is refused. */
  public Map<String, Dataset> knownDatasets(ApplicationDocument document) {
    Map<String, Dataset> known = new LinkedHashMap<>();
    List<FieldProblem> unknown = new ArrayList<>();
    for (int i = 0; i < document.datasets().size(); i++) {
      String datasetId = document.datasets().get(i);
      Optional<CatalogueEntry> entry = datasets.entry(datasetId);
      if (entry.isEmpty()) {
        unknown.add(new FieldProblem("datasets[" + i + "]", "is not in the catalogue"));
      } else if (entry.get().retired()) {
        unknown.add(
            new FieldProblem("datasets[" + i + "]", "is retired: it takes no new applications"));
      } else {
        known.put(datasetId, entry.get().dataset());
      }
    }
    if (!unknown.isEmpty()) {
      throw Refusal.invalid("The application names datasets it cannot have.", unknown);
    }
    return known;
  }

  /** A step on the application's timeline, by the caller in a role. */
  public void event(
      Application application,
      String kind,
      String jurisdiction,
      Caller caller,
      Role role,
      String outcome,
      String comment) {
    applications.insertEvent(
        application.id(),
        new ApplicationEvent(
            0,
            now(),
            kind,
            Optional.ofNullable(jurisdiction),
            caller.subject(),
            role.tokenName(),
            Optional.ofNullable(outcome),
            Optional.ofNullable(comment)));
  }

  /** The audit entry of a change, with the application's state after it. */
  public PendingAudit audit(
      Caller caller, Role role, String action, Application application, Map<String, Object> facts) {
    Map<String, Object> data = new LinkedHashMap<>(facts);
    data.put("state", application.state().code());
    return auditLog.record(
        new AuditEvent(
            new AuditEvent.Actor(caller.subject(), role.tokenName()),
            action,
            new AuditEvent.Subject("application", application.id().toString()),
            data));
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
