package eu.clinnova.consent.domain;

/** What a consent record states. Every kind is appended; nothing is ever updated. */
public enum RecordKind {
  /** Decisions per module, as signed on a form. */
  CONSENT,
  /** Withdrawal of some modules, or of all: deny from now on. */
  WITHDRAWAL,
  /** FR: the patient objects to any reuse: acts as a withdrawal of everything. */
  OBJECTION,
  /** FR: the patient was informed of the reuse of their data (non-opposition starts here). */
  INFORMATION,
  /**
   * CH: the patient, whose consent a legal representative gave, has regained capacity; from here
   * the representative's permits count as the policy's {@code whileRenewalDue} says.
   */
  CAPACITY;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static RecordKind fromCode(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
