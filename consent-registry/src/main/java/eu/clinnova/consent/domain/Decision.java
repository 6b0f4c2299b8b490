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

  public static java.util.Optional<Decision> fromCode(String code) {
    return "permit".equals(code)
        ? java.util.Optional.of(PERMIT)
        : "deny".equals(code) ? java.util.Optional.of(DENY) : java.util.Optional.empty();
  }
}
