package eu.clinnova.workflow.duo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The matching rules of domain.md, each with a case that passes and one that does not. */
class DuoMatchTest {

  static DataUse use(DuoTerm permission, String disease, DuoTerm... modifiers) {
    return new DataUse(permission, Optional.ofNullable(disease), Set.of(modifiers));
  }

  static ResearchPurpose health() {
    return new ResearchPurpose(DuoTerm.HMB, Optional.empty(), false, false, false, false);
  }

  static ResearchPurpose on(String disease) {
    return new ResearchPurpose(DuoTerm.DS, Optional.of(disease), false, false, false, false);
  }

  @Test
  void aDiseaseSpecificDatasetServesThatDiseaseAndMoreSpecificOnesOnly() {
    DataUse ibd = use(DuoTerm.DS, Diseases.IBD);
    assertEquals(DuoMatch.Outcome.MATCH, DuoMatch.of(ibd, on(Diseases.IBD)).outcome());
    assertEquals(DuoMatch.Outcome.MATCH, DuoMatch.of(ibd, on(Diseases.CROHN)).outcome());
    DataUse crohn = use(DuoTerm.DS, Diseases.CROHN);
    DuoMatch broader = DuoMatch.of(crohn, on(Diseases.IBD));
    assertEquals(DuoMatch.Outcome.NO_MATCH, broader.outcome());
    assertTrue(broader.reasons().get(0).contains("Crohn disease"), broader.reasons().toString());
    assertEquals(
        DuoMatch.Outcome.NO_MATCH, DuoMatch.of(crohn, on(Diseases.MULTIPLE_SCLEROSIS)).outcome());
    assertEquals(DuoMatch.Outcome.NO_MATCH, DuoMatch.of(crohn, health()).outcome());
  }

  @Test
  void generalUseServesEverythingAndHealthServesHealthAndDiseaseResearch() {
    assertEquals(DuoMatch.Outcome.MATCH, DuoMatch.of(use(DuoTerm.GRU, null), health()).outcome());
    assertEquals(
        DuoMatch.Outcome.MATCH,
        DuoMatch.of(use(DuoTerm.HMB, null), on(Diseases.RHEUMATOID_ARTHRITIS)).outcome());
    ResearchPurpose ancestry =
        new ResearchPurpose(DuoTerm.POA, Optional.empty(), false, false, true, false);
    assertEquals(
        DuoMatch.Outcome.NO_MATCH, DuoMatch.of(use(DuoTerm.HMB, null), ancestry).outcome());
    assertEquals(DuoMatch.Outcome.MATCH, DuoMatch.of(use(DuoTerm.GRU, null), ancestry).outcome());
  }

  @Test
  void nonCommercialUseExcludesCommercialPurposes() {
    ResearchPurpose commercial =
        new ResearchPurpose(DuoTerm.HMB, Optional.empty(), true, true, false, false);
    DuoMatch match = DuoMatch.of(use(DuoTerm.HMB, null, DuoTerm.NCU), commercial);
    assertEquals(DuoMatch.Outcome.NO_MATCH, match.outcome());
    assertTrue(match.reasons().get(0).startsWith("NCU"));
    assertEquals(
        DuoMatch.Outcome.MATCH,
        DuoMatch.of(use(DuoTerm.HMB, null, DuoTerm.NCU), health()).outcome());
  }

  @Test
  void modifiersOnlyPeopleCanJudgeNeedAHumanAndAnExclusionStillWins() {
    for (DuoTerm modifier :
        new DuoTerm[] {DuoTerm.GS, DuoTerm.PUB, DuoTerm.COL, DuoTerm.IRB, DuoTerm.MOR}) {
      DuoMatch match = DuoMatch.of(use(DuoTerm.GRU, null, modifier), health());
      assertEquals(DuoMatch.Outcome.NEEDS_HUMAN, match.outcome(), modifier.name());
      assertTrue(match.reasons().get(0).startsWith(modifier.name()));
    }
    ResearchPurpose commercial =
        new ResearchPurpose(DuoTerm.HMB, Optional.empty(), true, false, false, false);
    assertEquals(
        DuoMatch.Outcome.NO_MATCH,
        DuoMatch.of(use(DuoTerm.GRU, null, DuoTerm.IRB, DuoTerm.NCU), commercial).outcome());
    assertEquals(
        DuoMatch.Outcome.MATCH,
        DuoMatch.of(use(DuoTerm.GRU, null, DuoTerm.TS), health()).outcome());
  }

  @Test
  void geneticOnlyAndNoMethodsDevelopmentAreChecked() {
    ResearchPurpose genetic =
        new ResearchPurpose(DuoTerm.HMB, Optional.empty(), false, false, true, false);
    ResearchPurpose methods =
        new ResearchPurpose(DuoTerm.HMB, Optional.empty(), false, false, false, true);
    assertEquals(
        DuoMatch.Outcome.MATCH,
        DuoMatch.of(use(DuoTerm.HMB, null, DuoTerm.GSO), genetic).outcome());
    assertEquals(
        DuoMatch.Outcome.NO_MATCH,
        DuoMatch.of(use(DuoTerm.HMB, null, DuoTerm.GSO), health()).outcome());
    assertEquals(
        DuoMatch.Outcome.NO_MATCH,
        DuoMatch.of(use(DuoTerm.HMB, null, DuoTerm.NMDS), methods).outcome());
  }

  @Test
  void termsAreReadByShorthandOrCurieAndMisuseIsRefused() {
    assertEquals(Optional.of(DuoTerm.DS), DuoTerm.of("DUO:0000007"));
    assertEquals(Optional.of(DuoTerm.NCU), DuoTerm.of("NCU"));
    assertEquals(Optional.empty(), DuoTerm.of("DUO:9999999"));
    assertThrows(IllegalArgumentException.class, () -> use(DuoTerm.DS, null));
    assertThrows(IllegalArgumentException.class, () -> use(DuoTerm.NCU, null));
    assertThrows(IllegalArgumentException.class, () -> use(DuoTerm.GRU, null, DuoTerm.HMB));
  }
}
