package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModulesNeededTest {

  static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  static Dataset ibd(String jurisdiction) {
    return new Dataset(
        jurisdiction.toLowerCase() + "-ibd",
        "IBD",
        "",
        jurisdiction,
        "IBD",
        new DataUse(DuoTerm.GRU, Optional.empty(), Set.of()),
        List.of("CLINICAL-DATA"),
        Optional.empty(),
        100,
        Instant.EPOCH);
  }

  static Purpose purpose(String category, String disease, boolean aiTraining) {
    return new Purpose(
        List.of(category),
        Optional.ofNullable(disease),
        "Research.",
        false,
        false,
        false,
        false,
        Optional.of(aiTraining));
  }

  static Set<ConsentModule> needed(String jurisdiction, Purpose purpose) {
    return ModulesNeeded.of(
        ibd(jurisdiction), Optional.of(purpose), false, POLICIES.of(jurisdiction).orElseThrow());
  }

  @Test
  void generalHealthResearchNeedsBroadHealthBeyondTheDatasetsOwnModules() {
    for (String jurisdiction : List.of("LU", "FR", "DE")) {
      assertEquals(
          EnumSet.of(ConsentModule.CLINICAL_DATA, ConsentModule.BROAD_HEALTH),
          needed(jurisdiction, purpose("HMB", null, false)),
          jurisdiction);
      assertEquals(
          EnumSet.of(ConsentModule.CLINICAL_DATA, ConsentModule.BROAD_HEALTH),
          needed(jurisdiction, purpose("POA", null, false)),
          jurisdiction);
    }
  }

  @Test
  void researchOnTheCohortsOwnDiseaseNeedsNoMoreButAnotherDiseaseDoes() {
    assertEquals(
        EnumSet.of(ConsentModule.CLINICAL_DATA),
        needed("LU", purpose("DS", Diseases.CROHN, false)),
        "Crohn disease is an inflammatory bowel disease");
    assertEquals(
        EnumSet.of(ConsentModule.CLINICAL_DATA), needed("LU", purpose("DS", Diseases.IBD, false)));
    assertEquals(
        EnumSet.of(ConsentModule.CLINICAL_DATA, ConsentModule.BROAD_HEALTH),
        needed("LU", purpose("DS", Diseases.MULTIPLE_SCLEROSIS, false)),
        "multiple sclerosis on an IBD cohort is research beyond the patients' disease");
  }

  @Test
  void trainingAiModelsNeedsAiTrainingWhateverTheDatasetLists() {
    for (String jurisdiction : List.of("LU", "FR", "DE", "CH")) {
      assertEquals(
          EnumSet.of(ConsentModule.CLINICAL_DATA, ConsentModule.AI_TRAINING),
          needed(jurisdiction, purpose("DS", Diseases.CROHN, true)),
          jurisdiction);
    }
  }

  @Test
  void inBaselTheGeneralConsentCoversCodedDataHealthResearch() {
    assertEquals(
        EnumSet.of(ConsentModule.CLINICAL_DATA),
        needed("CH", purpose("HMB", null, false)),
        "the general consent (CLINICAL-DATA) covers BROAD-HEALTH in CH");
  }

  @Test
  void geneticCommercialAndAbroadAsBefore() {
    Purpose everything =
        new Purpose(
            List.of("DS"),
            Optional.of(Diseases.CROHN),
            "x",
            true,
            false,
            true,
            false,
            Optional.empty());
    assertEquals(
        EnumSet.of(
            ConsentModule.CLINICAL_DATA,
            ConsentModule.GENETIC,
            ConsentModule.COMMERCIAL,
            ConsentModule.CROSS_BORDER),
        ModulesNeeded.of(
            ibd("DE"), Optional.of(everything), true, POLICIES.of("DE").orElseThrow()));
    Purpose forProfit =
        new Purpose(
            List.of("DS"),
            Optional.of(Diseases.CROHN),
            "x",
            false,
            true,
            false,
            false,
            Optional.empty());
    assertEquals(
        EnumSet.of(ConsentModule.CLINICAL_DATA, ConsentModule.COMMERCIAL), needed("FR", forProfit));
  }

  @Test
  void aDatasetWithoutAPurposeYetNeedsItsOwnModules() {
    assertEquals(
        EnumSet.of(ConsentModule.CLINICAL_DATA),
        ModulesNeeded.of(ibd("LU"), Optional.empty(), false, POLICIES.of("LU").orElseThrow()));
  }
}
