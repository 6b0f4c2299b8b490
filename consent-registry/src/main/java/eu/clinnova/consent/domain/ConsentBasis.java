package eu.clinnova.consent.domain;

/** The legal basis the release gate looks for in a jurisdiction. */
public enum ConsentBasis {
  /** LU: explicit consent per module. */
  EXPLICIT,
  /** FR: informed and not objected; explicit consent for research involving the person. */
  NON_OPPOSITION,
  /** DE: MII broad consent, a permit per module with its own validity. */
  BROAD_CONSENT,
  /** CH: general consent covering coded data; genetic data and cross-border explicitly. */
  GENERAL_CONSENT
}
