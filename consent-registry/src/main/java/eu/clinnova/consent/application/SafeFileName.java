package eu.clinnova.consent.application;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The name a file is stored and offered under: what the uploader called it, reduced to letters,
 * digits, spaces and {@code . _ - ( )}, and ending in the extension of the type its bytes were
 * checked to be. A PDF named {@code report.html} is kept as {@code report.html.pdf}, so that no
 * program that trusts extensions takes it for a page; a name never starts with a dot, never holds a
 * path, a quote or a control character, and has at most {@value #MAX_LENGTH} characters.
 */
public final class SafeFileName {

  static final int MAX_LENGTH = 120;

  private static final Map<String, String> EXTENSIONS =
      Map.of("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg");

  private SafeFileName() {}

  /**
   * @param declared the name the client sent (may be null or blank)
   * @param checkedType the media type {@link EvidenceType} found in the bytes
   */
  public static String of(String declared, String checkedType) {
    String extension = EXTENSIONS.getOrDefault(checkedType, "");
    String name = declared == null ? "" : Normalizer.normalize(declared, Normalizer.Form.NFC);
    // Only the last path segment: a name is not a place.
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              boolean allowed = Character.isLetterOrDigit(c) || c == ' ' || "._-()".indexOf(c) >= 0;
              kept.appendCodePoint(allowed ? c : '_');
            });
    String cleaned = kept.toString().strip().replaceAll("_{2,}", "_").replaceAll("^[.\\s]+", "");
    String lower = cleaned.toLowerCase(Locale.ROOT);
    boolean hasExtension =
        lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"));
    String base = hasExtension ? cleaned : cleaned + extension;
    if (cleaned.isEmpty() || base.equals(extension)) {
      base = "attachment" + extension;
    }
    if (base.length() > MAX_LENGTH) {
      String suffix = hasExtension ? base.substring(base.lastIndexOf('.')) : extension;
      base = base.substring(0, MAX_LENGTH - suffix.length()) + suffix;
    }
    return base;
  }
}
