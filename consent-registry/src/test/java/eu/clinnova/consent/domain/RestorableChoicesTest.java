package eu.clinnova.consent.domain;

import static eu.clinnova.consent.domain.ConsentModule.AI_TRAINING;
import static eu.clinnova.consent.domain.ConsentModule.CLINICAL_DATA;
import static eu.clinnova.consent.domain.ConsentModule.GENETIC;
import static eu.clinnova.consent.domain.Decision.DENY;
import static eu.clinnova.consent.domain.Decision.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Restore my previous choices": what the latest withdrawal took from yes to no, and only that. */
class RestorableChoicesTest {

  static final Patient PATIENT = new Patient("XX-0001", "LU", "CHL", Set.of(), false);
  static final JurisdictionPolicy LU = ConsentStatesTest.policy("LU");
  static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

  static ConsentRecord given() {
    return Records.consent(
        LU,
        "2026-11-01T09:00:00Z",
        SignerKind.SELF,
        Map.of(CLINICAL_DATA, PERMIT, GENETIC, PERMIT, AI_TRAINING, DENY));
  }

  @Test
  void withdrawingEverythingOffersBackEveryYesAndNoNo() {
    RestorableChoices offer =
        RestorableChoices.of(
                PATIENT, List.of(given(), Records.withdrawal("2026-12-01T09:00:00Z")), LU, NOW)
            .orElseThrow();
    assertEquals(Set.of(CLINICAL_DATA, GENETIC), offer.modules());
    assertEquals(Instant.parse("2026-12-01T09:00:00Z"), offer.withdrawnAt());
  }

  @Test
  void withdrawingOneModuleOffersBackThatModule() {
    RestorableChoices offer =
        RestorableChoices.of(
                PATIENT,
                List.of(given(), Records.withdrawal("2026-12-01T09:00:00Z", GENETIC)),
                LU,
                NOW)
            .orElseThrow();
    assertEquals(Set.of(GENETIC), offer.modules());
  }

  @Test
  void anythingRecordedSinceTheWithdrawalEndsTheOffer() {
    ConsentRecord again =
        Records.consent(LU, "2026-12-02T09:00:00Z", SignerKind.SELF, Map.of(GENETIC, PERMIT));
    assertTrue(
        RestorableChoices.of(
                PATIENT,
                List.of(given(), Records.withdrawal("2026-12-01T09:00:00Z"), again),
                LU,
                NOW)
            .isEmpty());
  }

  @Test
  void aWithdrawalOfWhatWasNeverAllowedOffersNothing() {
    assertTrue(
        RestorableChoices.of(PATIENT, List.of(Records.withdrawal("2026-12-01T09:00:00Z")), LU, NOW)
            .isEmpty());
    assertTrue(RestorableChoices.of(PATIENT, List.of(), LU, NOW).isEmpty());
  }
}
