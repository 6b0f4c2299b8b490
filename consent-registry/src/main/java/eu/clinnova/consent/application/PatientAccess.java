package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.ActivationStore;
import eu.clinnova.consent.infrastructure.PatientStore;
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

  boolean allows(Requester requester, Patient patient) {
    return (self && requester.isPatient(patient.psn()))
        || (steward && requester.isStewardOf(patient.jurisdiction()))
        || (compliance && requester.roles().contains("compliance-officer"))
        || (node
            && requester.roles().contains("node")
            && requester.jurisdictions().contains(patient.jurisdiction()));
  }

  /** The patient, or {@link Refusal} 404 when unknown or not the requester's to see. */
  Patient check(Connection connection, Requester requester, String psn) throws SQLException {
    Patient patient =
        new PatientStore()
            .find(connection, psn)
            .orElseThrow(() -> Refusal.notFound("No such patient."));
    if (allows(requester, patient) || actsAsGuardian(connection, requester, patient)) {
      return patient;
    }
    throw Refusal.notFound("No such patient.");
  }

  /**
   * A guardian linked to the patient acts for them while they are a minor; from their day of
   * majority on, only the patient does.
   */
  boolean actsAsGuardian(Connection connection, Requester requester, Patient patient)
      throws SQLException {
    return guardian
        && requester.roles().contains("patient")
        && patient.isMinorOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
        && new ActivationStore().isGuardian(connection, requester.sub(), patient.psn());
  }
}
