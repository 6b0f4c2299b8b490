package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.ActivationStore;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Who may do what with a patient's consent (domain.md, "Roles"): the patient themself, a steward of
 * the patient's jurisdiction, and for reading a compliance officer. Anyone else is told the patient
 * does not exist, so that existence does not leak.
 */
enum PatientAccess {
  /** Current state and history: self, steward, compliance officer; a minor's guardians. */
  READ(true, true, true, false, true),
  /** The FHIR Consent resources: as READ, and the node of the patient's jurisdiction. */
  INTEROPERABLE(true, true, true, true, false),
  /** Receipts: self, steward, a minor's guardians. */
  RECEIPT(true, true, false, false, true),
  /** Disclosures ("who used my data"): self, compliance officer, a minor's guardians. */
  DISCLOSURES(true, false, true, false, true),
  /** Consent, withdrawal: self, a steward, a minor's guardians. */
  SIGN(true, true, false, false, true),
  /** Evidence scans, information records: a steward only. */
  STAFF(false, true, false, false, false);

  private final boolean self;
  private final boolean steward;
  private final boolean compliance;
  private final boolean node;
  private final boolean guardian;

  PatientAccess(boolean self, boolean steward, boolean compliance, boolean node, boolean guardian) {
    this.self = self;
    this.steward = steward;
    this.compliance = compliance;
    this.node = node;
    this.guardian = guardian;
  }

  boolean allows(Caller caller, Patient patient) {
    return (self && caller.isPatient(patient.psn()))
        || (steward && caller.isStewardOf(patient.jurisdiction()))
        || (compliance && caller.has(Role.COMPLIANCE_OFFICER))
        || (node && caller.has(Role.NODE) && caller.actsFor(patient.jurisdiction()));
  }

  /** The patient, or {@link Refusal} 404 when unknown or not the caller's to see. */
  Patient check(Connection connection, Caller caller, String psn) throws SQLException {
    Patient patient =
        new PatientStore()
            .find(connection, psn)
            .orElseThrow(() -> Refusal.notFound("No such patient."));
    if (allows(caller, patient) || actsAsGuardian(connection, caller, patient)) {
      return patient;
    }
    throw Refusal.notFound("No such patient.");
  }

  /**
   * A guardian linked to the patient acts for them while they are a minor; from their day of
   * majority on, only the patient does.
   */
  boolean actsAsGuardian(Connection connection, Caller caller, Patient patient)
      throws SQLException {
    return guardian
        && caller.has(Role.PATIENT)
        && patient.isMinorOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
        && new ActivationStore().isGuardian(connection, caller.subject(), patient.psn());
  }
}
