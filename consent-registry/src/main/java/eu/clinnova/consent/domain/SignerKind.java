package eu.clinnova.consent.domain;

/** Who signed a record. */
public enum SignerKind {
  /** The patient, online or on paper. */
  SELF,
  /** A guardian of a minor. */
  GUARDIAN,
  /** A legal representative of an adult who lacks capacity (CH). */
  REPRESENTATIVE,
  /** Staff recording a paper form signed by the patient, with the scan as evidence. */
  STAFF_PAPER
}
