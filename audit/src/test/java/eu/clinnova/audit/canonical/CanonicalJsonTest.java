package eu.clinnova.audit.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8785's own examples where they apply to our value model (no fractions). */
class CanonicalJsonTest {

  @Test
  void membersAreSortedByUtf16CodeUnitsAsInRfc8785Section3_2_3() {
    // The RFC's sorting example: keys in UTF-16 order, "\r" < "1" < "\u0080" < "ö" < "€" < "😂" <
    // "ﬓ".
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("\u20ac", "Euro Sign");
    object.put("\r", "Carriage Return");
    object.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    object.put("1", "One");
    object.put("\ud83d\ude00", "Emoji: Grinning Face");
    object.put("\u0080", "Control");
    object.put("\u00f6", "Latin Small Letter O With Diaeresis");
    String canonical = CanonicalJson.string(object);
    assertEquals(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        canonical);
  }

  @Test
  void stringsAreEscapedLikeJsonStringify() {
    assertEquals(
        "\"\\u0000\\u001f \\\" \\\\ \\b\\f\\n\\r\\t / \u2028 \u00e9\"",
        CanonicalJson.string("\u0000\u001f \" \\ \b\f\n\r\t / \u2028 \u00e9"));
  }

  @Test
  void nestedValuesHaveNoWhiteSpaceAndUtf8Bytes() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("v", 1);
    entry.put(
        "data", Map.of("modules", List.of("GENETIC", "AI-TRAINING"), "ok", true, "none", Map.of()));
    entry.put("actor", Map.of("sub", "f:1", "role", "patient"));
    entry.put("note", null);
    String canonical = CanonicalJson.string(entry);
    assertEquals(
        "{\"actor\":{\"role\":\"patient\",\"sub\":\"f:1\"},\"data\":{\"modules\":[\"GENETIC\",\"AI-TRAINING\"],"
            + "\"none\":{},\"ok\":true},\"note\":null,\"v\":1}",
        canonical);
    assertEquals(
        HexFormat.of().formatHex(canonical.getBytes(StandardCharsets.UTF_8)),
        HexFormat.of().formatHex(CanonicalJson.bytes(entry)));
  }

  @Test
  void integersOutsideTheSafeRangeAndFractionsAreRefused() {
    assertEquals("9007199254740991", CanonicalJson.string(CanonicalJson.MAX_SAFE_INTEGER));
    assertEquals("-42", CanonicalJson.string(-42));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.string(1L << 53));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.string(1.5));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.string("\ud800 lone"));
  }
}
