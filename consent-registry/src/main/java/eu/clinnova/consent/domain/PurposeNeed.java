package eu.clinnova.consent.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a research purpose may ask of a patient beyond the dataset's own modules (domain.md,
 * "Consent for the purpose"). Which module answers each need is the jurisdiction's policy.
 */
public enum PurposeNeed {
  /** Health research beyond the patient's own disease: HMB, POA, or DS outside the cohort. */
  BROAD_HEALTH_RESEARCH,
  /** Training or validating AI models. */
  AI_TRAINING,
  /** Genetic or genomic research. */
  GENETIC,
  /** Use by or with commercial partners, or for profit. */
  COMMERCIAL,
  /** Processing outside the dataset's jurisdiction. */
  ABROAD;

  /** The code the policies use: {@code broad-health-research}, {@code ai-training} ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<PurposeNeed> fromCode(String code) {
    return Arrays.stream(values()).filter(need -> need.code().equals(code)).findFirst();
  }
}
