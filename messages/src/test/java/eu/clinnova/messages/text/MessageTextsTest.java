package eu.clinnova.messages.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessageTextsTest {

  private final MessageTexts texts = new MessageTexts(URI.create("http://localhost:8080"));

  @Test
  void everyLanguageHasEveryText() throws IOException {
    Set<String> english = keys("messages.properties");
    assertEquals(english, keys("messages_fr.properties"));
    assertEquals(english, keys("messages_de.properties"));
  }

  @Test
  void eachKindNamesTheApplicationAndJurisdictionInTheReadersWordsWithItsLink() throws IOException {
    for (String key : keys("messages.properties")) {
      if (!key.endsWith(".subject")) {
        continue;
      }
      String kind = key.substring(0, key.length() - ".subject".length());
      for (String language : new String[] {"en", "fr", "de"}) {
        MessageTexts.Written written =
            texts.write(
                kind, language, Map.of("title", "It's a study", "jurisdiction", "CH"), "/x/1");
        String all = written.subject() + "\n" + written.body();
        assertFalse(all.contains("{"), kind + " " + language + ": " + all);
        assertFalse(all.contains(" CH "), kind + " " + language + " names a code: " + all);
        assertTrue(written.body().contains("http://localhost:8080/x/1"), all);
        assertTrue(written.body().contains("http://localhost:8080/settings"), all);
        if (!kind.equals("other") && !kind.equals("reconsent-requested")) {
          assertTrue(all.contains("It's a study"), kind + " " + language + ": " + all);
        }
      }
    }
  }

  @Test
  void anUnknownKindOrLanguageStillSaysSomething() {
    MessageTexts.Written written = texts.write("something-new", "it", Map.of(), "/");
    assertEquals("News from the Clinnova Portal", written.subject());
  }

  private static Set<String> keys(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageTexts.class.getResourceAsStream(file)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
