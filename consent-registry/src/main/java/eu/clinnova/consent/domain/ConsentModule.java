package eu.clinnova.consent.domain;

import java.util.Optional;

/** The network's consent modules: the unit a patient says yes or no to. Codes are stable. */
public enum ConsentModule {
  CLINICAL_DATA("CLINICAL-DATA"),
  BROAD_HEALTH("BROAD-HEALTH"),
  SAMPLES("SAMPLES"),
  GENETIC("GENETIC"),
  AI_TRAINING("AI-TRAINING"),
  CROSS_BORDER("CROSS-BORDER"),
  COMMERCIAL("COMMERCIAL"),
  RECONTACT("RECONTACT"),
  FINDINGS("FINDINGS");

  private final String code;

  ConsentModule(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ConsentModule> fromCode(String code) {
    for (ConsentModule module : values()) {
      if (module.code.equals(code)) {
        return Optional.of(module);
      }
    }
    return Optional.empty();
  }
}
