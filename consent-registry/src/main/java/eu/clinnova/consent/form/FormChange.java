package eu.clinnova.consent.form;

/** What a new version of a form changes, which decides whether patients are asked again. */
public enum FormChange {
  /** The first version. */
  INITIAL,
  /** Wording only: consent given on the older version stands. */
  MINOR,
  /** Substance: everyone whose consent rests on an older version is asked to consent again. */
  MAJOR;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
