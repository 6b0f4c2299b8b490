package eu.clinnova.workflow.application;

import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.duo.ResearchPurpose;
import java.util.List;
import java.util.Optional;

/**
 * The research purpose as the applicant codes it: DUO terms (one of HMB, DS or POA), the MONDO
 * disease for DS, a description, the facts DUO modifiers turn on (commercial, for-profit, genetic,
 * methods development), and whether the research trains or validates AI models (the application
 * form asks it explicitly; absent in an older document, it reads as no).
 */
public record Purpose(
    List<String> duo,
    Optional<String> disease,
    String description,
    boolean commercial,
    boolean forProfit,
    boolean genetic,
    boolean methodsDevelopment,
    Optional<Boolean> aiTrainingAnswer) {

  public Purpose {
    duo = List.copyOf(duo);
  }

  /** Whether the research trains or validates AI models; unanswered reads as no. */
  public boolean aiTraining() {
    return aiTrainingAnswer.orElse(false);
  }

  /** The purpose as DUO matching needs it, if its terms make one. */
  public Optional<ResearchPurpose> research() {
    Optional<DuoTerm> category =
        duo.stream()
            .map(DuoTerm::of)
            .flatMap(Optional::stream)
            .filter(term -> term == DuoTerm.HMB || term == DuoTerm.DS || term == DuoTerm.POA)
            .findFirst();
    if (category.isEmpty() || (category.get() == DuoTerm.DS && disease.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new ResearchPurpose(
            category.get(),
            category.get() == DuoTerm.DS ? disease : Optional.empty(),
            commercial,
            forProfit,
            genetic,
            methodsDevelopment));
  }
}
