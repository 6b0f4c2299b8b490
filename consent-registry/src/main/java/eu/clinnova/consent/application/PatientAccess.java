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
  READ(true, true, true, false),
  /** The FHIR Consent resources: as READ, and the node of the patient's jurisdiction. */
  INTEROPERABLE(true, true, true, true),
  /** Receipts: self, steward. */
  RECEIPT(true, true, false, false),
  /** Disclosures ("who used my data"): self, compliance officer. */
  DISCLOSURES(true, false, true, false),
  /** Consent, withdrawal: self or a steward. */
  SIGN(true, true, false, false),
  /** Evidence scans, information records: a steward only. */
  STAFF(false, true, false, false);

  private final boolean self;
  private final boolean steward;
  private final boolean compliance;
  private final boolean node;

  PatientAccess(boolean self, boolean steward, boolean compliance, boolean node) {
    this.self = self;
    this.steward = steward;
    this.compliance = compliance;
    this.node = node;
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
    return new PatientStore()
        .find(connection, psn)
        .filter(patient -> allows(requester, patient))
        .orElseThrow(() -> Refusal.notFound("No such patient."));
  }
}
