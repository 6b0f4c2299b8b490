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
  STAFF_PAPER;

  private final String code = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');

  /** As the API and the database write it: self, guardian, representative, staff-paper. */
  public String code() {
    return code;
  }

  public static java.util.Optional<SignerKind> fromCode(String code) {
    for (SignerKind kind : values()) {
      if (kind.code().equals(code)) {
        return java.util.Optional.of(kind);
      }
    }
    return java.util.Optional.empty();
  }
}
