package eu.clinnova.workflow.application;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.PurposeNeed;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Consent for the purpose (domain.md): the modules a subject must permit for a release are the
 * dataset's own and those the application's purpose needs, each need answered by the module the
 * dataset's jurisdiction names for it (its policy, data). A patient agrees to purposes, not to
 * datasets: one who agreed to research on their own disease is not released for general health
 * research, one who refused AI training not for a project that trains models.
 */
public final class ModulesNeeded {

  /** The MONDO disease each cohort is about: DS on another disease is broader health research. */
  static final Map<String, String> COHORT_DISEASES =
      Map.of(
          "IBD", Diseases.IBD,
          "RA", Diseases.RHEUMATOID_ARTHRITIS,
          "MS", Diseases.MULTIPLE_SCLEROSIS);

  private ModulesNeeded() {}

  /**
   * What {@code purpose} needs of the subjects of {@code dataset}; {@code abroad} when the data are
   * processed outside the dataset's jurisdiction.
   */
  public static Set<PurposeNeed> needs(Optional<Purpose> purpose, Dataset dataset, boolean abroad) {
    Set<PurposeNeed> needs = EnumSet.noneOf(PurposeNeed.class);
    if (abroad) {
      needs.add(PurposeNeed.ABROAD);
    }
    if (purpose.isEmpty()) {
      return needs;
    }
    Purpose given = purpose.get();
    Optional<DuoTerm> category =
        given.duo().stream()
            .map(DuoTerm::of)
            .flatMap(Optional::stream)
            .filter(term -> term == DuoTerm.HMB || term == DuoTerm.DS || term == DuoTerm.POA)
            .findFirst();
    if (category.isPresent() && beyondTheCohort(category.get(), given.disease(), dataset)) {
      needs.add(PurposeNeed.BROAD_HEALTH_RESEARCH);
    }
    if (given.aiTraining()) {
      needs.add(PurposeNeed.AI_TRAINING);
    }
    if (given.genetic()) {
      needs.add(PurposeNeed.GENETIC);
    }
    if (given.commercial() || given.forProfit()) {
      needs.add(PurposeNeed.COMMERCIAL);
    }
    return needs;
  }

  /** HMB and POA always reach beyond a patient's disease; DS does when it names another one. */
  static boolean beyondTheCohort(DuoTerm category, Optional<String> disease, Dataset dataset) {
    if (category != DuoTerm.DS) {
      return true;
    }
    String cohortDisease = COHORT_DISEASES.get(dataset.cohort());
    return disease.isEmpty()
        || cohortDisease == null
        || !Diseases.isOrDescendsFrom(disease.get(), cohortDisease);
  }

  /** The modules a subject of {@code dataset} must permit for {@code purpose}. */
  public static Set<ConsentModule> of(
      Dataset dataset, Optional<Purpose> purpose, boolean abroad, JurisdictionPolicy policy) {
    Set<ConsentModule> required = EnumSet.noneOf(ConsentModule.class);
    dataset
        .requiredModules()
        .forEach(code -> required.add(ConsentModule.fromCode(code).orElseThrow()));
    return policy.modulesFor(required, needs(purpose, dataset, abroad));
  }
}
