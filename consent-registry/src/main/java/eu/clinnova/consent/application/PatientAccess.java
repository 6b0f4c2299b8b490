package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.PatientStore;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Who may do what with a patient's consent (domain.md, "Roles"): the patient themself, a steward of
 * the patient's jurisdiction, and for reading a compliance officer. Anyone else is told the patient
 * does not exist, so that existence does not leak.
 */
enum PatientAccess {
  /** Current state and history: self, steward, compliance officer. */
  READ(true, true, true),
  /** Receipts: self, steward. */
  RECEIPT(true, true, false),
  /** Disclosures ("who used my data"): self, compliance officer. */
  DISCLOSURES(true, false, true),
  /** Consent, withdrawal: self or a steward. */
  SIGN(true, true, false),
  /** Evidence scans, information records: a steward only. */
  STAFF(false, true, false);

  private final boolean self;
  private final boolean steward;
  private final boolean compliance;

  PatientAccess(boolean self, boolean steward, boolean compliance) {
    this.self = self;
    this.steward = steward;
    this.compliance = compliance;
  }

  boolean allows(Requester requester, Patient patient) {
    return (self && requester.isPatient(patient.psn()))
        || (steward && requester.isStewardOf(patient.jurisdiction()))
        || (compliance && requester.roles().contains("compliance-officer"));
  }

  /** The patient, or {@link Refusal} 404 when unknown or not the requester's to see. */
  Patient check(Connection connection, Requester requester, String psn) throws SQLException {
    return new PatientStore()
        .find(connection, psn)
        .filter(patient -> allows(requester, patient))
        .orElseThrow(() -> Refusal.notFound("No such patient."));
  }
}
