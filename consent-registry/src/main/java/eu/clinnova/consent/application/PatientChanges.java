package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What every record made about a patient does alike, whoever makes it ({@link ConsentRecording},
 * {@link StaffRecords}): its instant, the rules of the patient's jurisdiction, and its audit entry
 * about the patient in the same transaction.
 */
@ApplicationScoped
public class PatientChanges {

  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  private final AuditTrail auditLog;
  private final Clock clock;

  @Inject
  public PatientChanges(AuditTrail auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected PatientChanges() {
    this(null, null);
  }

  /** Now, to the millisecond (as records and audit entries keep it). */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  public JurisdictionPolicy policy(Patient patient) {
    return POLICIES.of(patient.jurisdiction()).orElseThrow();
  }

  /** The audit entry of a change to {@code patient}'s records, by the caller in {@code role}. */
  public PendingAudit audit(
      Caller caller, String role, String action, Patient patient, Map<String, Object> data) {
    return auditLog.record(
        new AuditEvent(
            Actors.of(caller, role),
            action,
            new AuditEvent.Subject("patient", patient.psn()),
            data));
  }
}
