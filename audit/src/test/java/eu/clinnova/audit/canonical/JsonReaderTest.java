package eu.clinnova.audit.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The strict reader accepts exactly what the canonical writer produces. */
class JsonReaderTest {

  @Property(tries = 500)
  void whateverTheWriterProducesTheCanonicalReaderAcceptsUnchanged(
      @ForAll @StringLength(max = 20) String key,
      @ForAll @StringLength(max = 40) String value,
      @ForAll long number) {
    Map<String, Object> object =
        Map.of(
            "k" + key,
            value,
            "n",
            number % CanonicalJson.MAX_SAFE_INTEGER,
            "list",
            List.of(true, "x", Map.of()),
            "z",
            Map.of("a", value));
    String canonical;
    try {
      canonical = CanonicalJson.string(object);
    } catch (IllegalArgumentException loneSurrogate) {
      return;
    }
    assertEquals(canonical, CanonicalJson.string(JsonReader.parseCanonical(canonical)));
  }

  @Test
  void anythingNotCanonicalIsRefused() {
    for (String text :
        List.of(
            "{\"b\":1,\"a\":2}",
            "{ \"a\":1}",
            "{\"a\":1.0}",
            "{\"a\":1e3}",
            "{\"a\":-0}",
            "{\"a\":\"\\/\"}",
            "{\"a\":\"\\u0041\"}",
            "{\"a\":\"\\u000A\"}",
            "{\"a\":\"\\u000a\"}",
            "{\"a\":9007199254740992}",
            "{\"a\":1,\"a\":1}")) {
      assertThrows(IllegalArgumentException.class, () -> JsonReader.parseCanonical(text), text);
    }
    assertEquals(Map.of("a", "\u001f"), JsonReader.parseCanonical("{\"a\":\"\\u001f\"}"));
  }
}
