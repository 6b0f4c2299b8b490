package eu.clinnova.consent.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pseudonyms: the hand-written check agrees with the pattern that defines them. */
class PatientTest {

  @Test
  void theHandWrittenCheckAgreesWithThePatternOnEveryKindOfText() {
    String alphabet = "LUFRDECHX-09AZaz ,é";
    Random random = new Random(6962);
    int pseudonyms = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      // Half start like a pseudonym, so that both answers are exercised near the edges.
      if (random.nextBoolean()) {
        text.append(List.of("LU", "FR", "DE", "CH", "XX", "lu").get(random.nextInt(6)));
        text.append(random.nextInt(10) == 0 ? "_" : "-");
      }
      int length = random.nextInt(21);
      for (int c = 0; c < length; c++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = text.toString();
      boolean expected = Patient.PSN.matcher(candidate).matches();
      assertEquals(expected, Patient.isPseudonym(candidate), candidate);
      pseudonyms += expected ? 1 : 0;
    }
    assertTrue(pseudonyms > 1_000, "the sample holds pseudonyms too: " + pseudonyms);
  }

  @Test
  void theEdgesOfLength() {
    assertFalse(Patient.isPseudonym("LU-123"));
    assertTrue(Patient.isPseudonym("LU-1234"));
    assertTrue(Patient.isPseudonym("CH-" + "A".repeat(16)));
    assertFalse(Patient.isPseudonym("CH-" + "A".repeat(17)));
    assertFalse(Patient.isPseudonym(""));
  }

  @Test
  void pseudonymsAreJoinedForOneSqlParameterAndATextWithACommaIsRefused() {
    assertEquals("LU-0001,LU-0002", Patient.joinPseudonyms(List.of("LU-0001", "LU-0002")));
    assertEquals("", Patient.joinPseudonyms(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> Patient.joinPseudonyms(List.of("LU-0001,LU-0002")));
  }
}
