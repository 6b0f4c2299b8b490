package eu.clinnova.consent.account;

import eu.clinnova.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time activation codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U),
 * shown as three groups of four. About 59 bits: with one code valid per patient at a time, a limit
 * on attempts and an expiry, guessing is not a way in. Only the SHA-256 of the normalised code is
 * stored.
 */
public final class ActivationCode {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ActivationCode() {}

  public static String generate() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** As typed: case, spaces and dashes do not matter. */
  public static String normalise(String typed) {
    return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
  }

  public static String hash(String typed) {
    return Sha256.hex(normalise(typed).getBytes(StandardCharsets.US_ASCII));
  }

  public static boolean wellFormed(String typed) {
    String code = normalise(typed);
    if (code.length() != 12) {
      return false;
    }
    for (char c : code.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
