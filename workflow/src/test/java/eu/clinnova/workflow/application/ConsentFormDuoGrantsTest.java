package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The consent forms' DUO codes mean what the gate does (issue 17): for each jurisdiction's form, a
 * patient who permitted a set of modules is released for a research purpose exactly when the DUO
 * terms those modules grant (domain.md's table) cover that purpose. DS on the cohort's disease is
 * covered by DS; research beyond it (HMB, DS on another disease) by HMB; POA by POA.
 */
class ConsentFormDuoGrantsTest {

  private static final Map<String, String> FORMS =
      Map.of(
          "LU", "lu-research-consent",
          "FR", "fr-research-information",
          "DE", "de-broad-consent",
          "CH", "ch-general-consent");

  /** A purpose and the DUO term a patient's grants must include for it. */
  private record Asked(String name, Purpose purpose, DuoTerm covers) {}

  private static final List<Asked> PURPOSES =
      List.of(
          new Asked(
              "DS on the cohort's disease",
              ModulesNeededTest.purpose("DS", Diseases.CROHN, false),
              DuoTerm.DS),
          new Asked(
              "DS on another disease",
              ModulesNeededTest.purpose("DS", Diseases.MULTIPLE_SCLEROSIS, false),
              DuoTerm.HMB),
          new Asked("HMB", ModulesNeededTest.purpose("HMB", null, false), DuoTerm.HMB),
          new Asked("POA", ModulesNeededTest.purpose("POA", null, false), DuoTerm.POA));

  @Test
  void eachFormsGrantsCoverExactlyThePurposesTheGateReleasesFor() {
    List<String> disagreements = new ArrayList<>();
    for (Map.Entry<String, String> jurisdiction : FORMS.entrySet()) {
      ConsentForm form = ConsentForms.seedForm(jurisdiction.getValue(), Instant.now());
      JurisdictionPolicy policy =
          ModulesNeededTest.POLICIES.of(jurisdiction.getKey()).orElseThrow();
      for (Set<ConsentModule> permitted :
          subsets(EnumSet.of(ConsentModule.CLINICAL_DATA, ConsentModule.BROAD_HEALTH))) {
        Set<String> granted = new HashSet<>();
        for (ConsentModule module : permitted) {
          form.module(module).map(FormModule::duo).ifPresent(granted::addAll);
        }
        for (Asked asked : PURPOSES) {
          Set<ConsentModule> needed =
              ModulesNeeded.of(
                  ModulesNeededTest.ibd(jurisdiction.getKey()),
                  Optional.of(asked.purpose()),
                  false,
                  policy);
          boolean released = permitted.containsAll(needed);
          // The dataset's own module is needed whatever the purpose: without it, no grant helps.
          boolean covered =
              permitted.contains(ConsentModule.CLINICAL_DATA)
                  && granted.contains(asked.covers().curie());
          if (released != covered) {
            disagreements.add(
                jurisdiction.getKey()
                    + ", permitted "
                    + permitted
                    + ", "
                    + asked.name()
                    + ": the gate "
                    + (released ? "releases" : "does not release")
                    + ", the form grants "
                    + granted);
          }
        }
      }
    }
    assertEquals(List.of(), disagreements);
  }

  private static List<Set<ConsentModule>> subsets(Set<ConsentModule> modules) {
    List<Set<ConsentModule>> subsets = new ArrayList<>();
    List<ConsentModule> list = new ArrayList<>(modules);
    for (int mask = 0; mask < 1 << list.size(); mask++) {
      Set<ConsentModule> subset = EnumSet.noneOf(ConsentModule.class);
      for (int i = 0; i < list.size(); i++) {
        if ((mask & 1 << i) != 0) {
          subset.add(list.get(i));
        }
      }
      subsets.add(subset);
    }
    return subsets;
  }
}
