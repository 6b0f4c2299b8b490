package eu.clinnova.consent.domain;

/** A patient's answer for one module. */
public enum Decision {
  PERMIT("permit"),
  DENY("deny");

  private final String code;

  Decision(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
