package eu.clinnova.consent.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivationCodeTest {

  @Test
  void codesAreTwelveUnambiguousCharactersInThreeGroupsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = ActivationCode.generate();
      assertTrue(
          code.matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}"), code);
      assertTrue(ActivationCode.wellFormed(code));
      assertTrue(seen.add(code));
    }
  }

  @Test
  void caseSpacesAndDashesDoNotMatterButEveryOtherCharacterDoes() {
    assertEquals(ActivationCode.hash("7KQ4-M2XD-9PWA"), ActivationCode.hash("7kq4 m2xd 9pwa"));
    assertNotEquals(ActivationCode.hash("7KQ4-M2XD-9PWA"), ActivationCode.hash("7KQ4-M2XD-9PWB"));
    assertFalse(ActivationCode.wellFormed("7KQ4-M2XD-9PW"));
    assertFalse(ActivationCode.wellFormed("OKQ4-M2XD-9PWA"), "O is not in the alphabet");
    assertFalse(ActivationCode.wellFormed(null));
  }
}
