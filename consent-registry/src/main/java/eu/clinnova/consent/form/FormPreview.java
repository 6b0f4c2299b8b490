package eu.clinnova.consent.form;

import java.util.List;

/**
 * A draft against the version in force: what it changes, and how many patients a major version
 * would ask to consent again now (none when the jurisdiction's policy keeps consent across
 * versions, {@code reconsentOnMajor} false).
 */
public record FormPreview(
    FormDraft draft,
    ConsentForm inForce,
    List<FormDiff.Change> changes,
    boolean reconsentOnMajor,
    int askedAgainIfMajor) {

  /** How many patients publishing the draft as it stands asks again. */
  public int askedAgain() {
    return draft.form().change() == FormChange.MAJOR && reconsentOnMajor ? askedAgainIfMajor : 0;
  }
}
