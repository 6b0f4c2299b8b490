package eu.clinnova.workflow.duo;

import java.util.Optional;

/**
 * What an application's research is, coded as DUO asks: its category (HMB, or DS on a MONDO
 * disease, or POA), and whether it is commercial, done by a for-profit organisation, genetic, or
 * develops methods.
 */
public record ResearchPurpose(
    DuoTerm category,
    Optional<String> disease,
    boolean commercial,
    boolean forProfit,
    boolean genetic,
    boolean methodsDevelopment) {

  public ResearchPurpose {
    if (category != DuoTerm.HMB && category != DuoTerm.DS && category != DuoTerm.POA) {
      throw new IllegalArgumentException("a purpose is HMB, DS (with a disease) or POA");
    }
    if (category == DuoTerm.DS && disease.isEmpty()) {
      throw new IllegalArgumentException("DS names the disease (a MONDO term)");
    }
  }
}
