package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Enrolment of patients by the data stewards of their jurisdiction, and who may see a patient: a
 * steward of their jurisdiction, a compliance officer, or the patient themself.
 */
@ApplicationScoped
public class PatientEnrolment {

  /** What an enrolment did. */
  public sealed interface Outcome {
    /** Enrolled; its audit entry commits with it. */
    record Enrolled(
        Patient patient, PendingAudit audit, Optional<AccountActivation.Issued> activation)
        implements Outcome {}

    /** The pseudonym is already enrolled: nothing written. */
    record AlreadyEnrolled() implements Outcome {}

    /** The caller may not enrol patients of that jurisdiction: nothing written. */
    record NotAllowed() implements Outcome {}
  }

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Inject AuditTrail auditLog;
  @Inject Clock clock;
  @Inject AccountActivation activation;

  private final PatientStore patients = new PatientStore();

  @Transactional
  public Outcome enrol(Caller caller, Patient patient) {
    if (!caller.isStewardOf(patient.jurisdiction())) {
      return new Outcome.NotAllowed();
    }
    return enrolAs(Actors.of(caller, Role.DATA_STEWARD), patient, true);
  }

  /** Demo data and migrations: the portal itself enrols. */
  @Transactional
  public Outcome enrolAsPortal(Patient patient) {
    return enrolAs(AuditEvent.Actor.system(), patient, false);
  }

  private Outcome enrolAs(AuditEvent.Actor actor, Patient patient, boolean issueCode) {
    try (Connection connection = dataSource.getConnection()) {
      if (!patients.insert(
          connection, patient, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor.sub())) {
        return new Outcome.AlreadyEnrolled();
      }
      Optional<AccountActivation.Issued> code =
          issueCode
              ? Optional.of(activation.issueUnlogged(connection, actor, patient.psn()))
              : Optional.empty();
      Map<String, Object> data = new java.util.LinkedHashMap<>();
      data.put("jurisdiction", patient.jurisdiction());
      data.put("cohorts", patient.cohorts().stream().sorted().map(Enum::name).toList());
      data.put("minor", patient.minor());
      code.ifPresent(issued -> data.put("activationCodeExpiresAt", issued.expiresAt().toString()));
      PendingAudit audit =
          auditLog.record(
              new AuditEvent(
                  actor,
                  "patient.enrolled",
                  new AuditEvent.Subject("patient", patient.psn()),
                  data));
      return new Outcome.Enrolled(patient, audit, code);
    } catch (SQLException e) {
      throw new IllegalStateException("the patient could not be enrolled", e);
    }
  }

  /** The patient, if the caller may see them; empty also when they may not (no leak). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Patient> find(Caller caller, String psn) {
    try (Connection connection = dataSource.getConnection()) {
      return patients
          .find(connection, psn)
          .filter(
              patient ->
                  caller.isStewardOf(patient.jurisdiction())
                      || caller.isPatient(patient.psn())
                      || caller.has(Role.COMPLIANCE_OFFICER));
    } catch (SQLException e) {
      throw new IllegalStateException("the patient could not be read", e);
    }
  }

  /** The demo patients of the development realm's users (password = user name). */
  public static final List<Patient> DEMO_PATIENTS =
      List.of(
          new Patient("LU-0001", "LU", "CHL", java.util.Set.of(Patient.Cohort.IBD), false),
          new Patient("FR-0001", "FR", "CHRU-NANCY", java.util.Set.of(Patient.Cohort.RA), false),
          new Patient("DE-0001", "DE", "UKF", java.util.Set.of(Patient.Cohort.MS), false),
          new Patient(
              "CH-0001",
              "CH",
              "USB",
              java.util.Set.of(Patient.Cohort.IBD, Patient.Cohort.RA),
              false));
}
