package eu.clinnova.workflow.application;

import java.util.Arrays;

/** Where an application stands, with the contract's codes. */
public enum ApplicationState {
  DRAFT("draft"),
  SUBMITTED("submitted"),
  RETURNED("returned"),
  UNDER_REVIEW("under-review"),
  APPROVED("approved"),
  REJECTED("rejected"),
  WITHDRAWN("withdrawn"),
  CLOSED("closed"),
  /** Returned and not resubmitted within four weeks: the review ended (issue 20). */
  LAPSED("lapsed"),
  /** A draft its applicant deleted: kept as a tombstone for the log, shown to nobody. */
  DISCARDED("discarded");

  private final String code;

  ApplicationState(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ApplicationState fromCode(String code) {
    return Arrays.stream(values())
        .filter(state -> state.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an application state: " + code));
  }

  /** The applicant may change the document (and its attachments) only in these states. */
  public boolean isEditable() {
    return this == DRAFT || this == RETURNED;
  }

  /** The review is going on: the applicant may still withdraw. */
  public boolean isInReview() {
    return this == SUBMITTED || this == UNDER_REVIEW || this == RETURNED;
  }

  public boolean isFinal() {
    return this == REJECTED || this == WITHDRAWN || this == CLOSED || this == LAPSED;
  }
}
