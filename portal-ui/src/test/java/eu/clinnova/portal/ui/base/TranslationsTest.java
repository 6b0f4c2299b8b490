package eu.clinnova.portal.ui.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The UI speaks three languages: every text exists in English, French and German, and every text
 * with parameters is a valid MessageFormat whose parameters all languages use alike.
 */
class TranslationsTest {

  static Properties load(String suffix) throws IOException {
    Properties texts = new Properties();
    try (InputStream in =
            TranslationsTest.class.getResourceAsStream(
                "/vaadin-i18n/translations" + suffix + ".properties");
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      texts.load(reader);
    }
    return texts;
  }

  /**
   * A key written twice silently keeps the later text: two pages sharing a key showed each other's
   * title once (the record of processing and the public register).
   */
  @Test
  void noKeyIsWrittenTwice() throws IOException {
    for (String language : List.of("", "_fr", "_de")) {
      TreeSet<String> seen = new TreeSet<>();
      TreeSet<String> twice = new TreeSet<>();
      try (InputStream in =
              TranslationsTest.class.getResourceAsStream(
                  "/vaadin-i18n/translations" + language + ".properties");
          java.io.BufferedReader lines =
              new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        lines
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
            .map(line -> line.substring(0, line.indexOf('=')).strip())
            .forEach(
                key -> {
                  if (!seen.add(key)) {
                    twice.add(key);
                  }
                });
      }
      assertEquals(new TreeSet<String>(), twice, "written twice in translations" + language);
    }
  }

  @Test
  void everyTextExistsInTheThreeLanguages() throws IOException {
    Properties english = load("");
    for (String language : List.of("_fr", "_de")) {
      Properties other = load(language);
      TreeSet<String> missing = new TreeSet<>(english.stringPropertyNames());
      missing.removeAll(other.stringPropertyNames());
      TreeSet<String> extra = new TreeSet<>(other.stringPropertyNames());
      extra.removeAll(english.stringPropertyNames());
      assertEquals(new TreeSet<String>(), missing, "missing in " + language);
      assertEquals(new TreeSet<String>(), extra, "only in " + language);
    }
  }

  @Test
  void textsWithParametersFormatInEveryLanguage() throws IOException {
    Properties english = load("");
    List<String> broken = new ArrayList<>();
    for (String language : List.of("", "_fr", "_de")) {
      Properties texts = load(language);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        if (!text.matches("(?s).*\\{\\d.*")) {
          continue;
        }
        // A count chooses its words ({0,choice,...}): numbers then, which also format as text.
        Object[] values =
            text.matches("(?s).*\\{\\d+,\\s*(choice|number).*")
                ? new Object[] {1, 2, 3, 4, 5, 6}
                : new Object[] {"A", "B", "C", "D", "E", "F"};
        String formatted = new MessageFormat(text, Locale.ROOT).format(values);
        if (formatted.contains("{") || (text.contains("'") && !text.contains("''"))) {
          broken.add(language + " " + key + ": " + text);
        }
        assertEquals(
            english.getProperty(key).contains("{1}"), text.contains("{1}"), language + " " + key);
      }
    }
    assertTrue(broken.isEmpty(), String.join("\n", broken));
  }
}
