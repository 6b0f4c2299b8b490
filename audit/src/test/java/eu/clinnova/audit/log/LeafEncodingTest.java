package eu.clinnova.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.audit.canonical.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LeafEncodingTest {

  @Test
  void aLeafIsTheCanonicalJsonOfTheContractsEntry() {
    AuditEvent event =
        new AuditEvent(
            new AuditEvent.Actor("9b1d", "node"),
            "release.decided",
            new AuditEvent.Subject("release", "rel-7"),
            Map.of("decision", "partial", "subjects", 3));
    byte[] leaf = LeafEncoding.leaf(42, Instant.parse("2026-11-28T10:15:30.123456Z"), event);
    assertEquals(
        "{\"action\":\"release.decided\",\"actor\":{\"role\":\"node\",\"sub\":\"9b1d\"},"
            + "\"data\":{\"decision\":\"partial\",\"subjects\":3},\"index\":42,"
            + "\"subject\":{\"id\":\"rel-7\",\"type\":\"release\"},\"time\":\"2026-11-28T10:15:30.123Z\",\"v\":1}",
        new String(leaf, StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void theSplicedTemplateEqualsCanonicalizingTheWholeEntry(
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String sub,
      @ForAll @StringLength(min = 1, max = 40) String subjectId,
      @ForAll @StringLength(max = 40) String value,
      @ForAll @LongRange(min = 0, max = 9_007_199_254_740_991L) long index,
      @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis) {
    AuditEvent event =
        new AuditEvent(
            new AuditEvent.Actor(sub, "patient"),
            "consent.recorded",
            new AuditEvent.Subject("patient", subjectId.isBlank() ? "x" : subjectId),
            Map.of("index", value, "nested", Map.of("v", List.of(value, 1L)), "z\u00e9", true));
    Instant time = Instant.ofEpochMilli(millis);
    assertArrayEquals(
        CanonicalJson.bytes(LeafEncoding.entry(index, time, event)),
        LeafEncoding.leaf(index, time, event));
  }
}
