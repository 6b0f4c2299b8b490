package eu.clinnova.consent.application;

import java.util.List;
import java.util.Optional;

/**
 * The type of a scan, from its first bytes rather than from what the client claims: PDF, PNG or
 * JPEG, nothing else.
 */
public final class EvidenceType {

  private EvidenceType() {}

  public static Optional<String> of(byte[] content) {
    if (startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'})) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return Optional.of("image/png");
    }
    if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  /**
   * The type of an uploaded file as its bytes say, if it is what the client declared (or it
   * declared nothing); otherwise refused (415) with {@code code}, naming the file as {@code what}
   * ("An attachment", "A scan").
   */
  public static String required(byte[] content, String declaredType, String code, String what) {
    return of(content)
        .filter(type -> declaredType == null || type.equals(declaredType))
        .orElseThrow(
            () ->
                new Refusal(
                    Refusal.Kind.UNSUPPORTED_TYPE,
                    code,
                    what + " must be a PDF, PNG or JPEG file, declared as such.",
                    List.of()));
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
