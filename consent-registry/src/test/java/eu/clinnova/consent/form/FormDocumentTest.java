package eu.clinnova.consent.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.canonical.JsonReader;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.domain.FieldProblem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forms as published: the seed forms, the text a patient sees and its hash, what is refused. */
class FormDocumentTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void theFourSeedFormsParseInEnglishFrenchAndGermanWithEveryNetworkModule() {
    for (String id : ConsentForms.SEED_FORMS) {
      ConsentForm form = ConsentForms.seedForm(id, Instant.now());
      assertEquals(1, form.version());
      assertEquals(FormChange.INITIAL, form.change());
      assertTrue(form.languages().containsAll(List.of("en", "fr", "de")), id);
      assertEquals(9, form.modules().size(), id);
    }
  }

  @Test
  void theTextOfALanguageIsCanonicalJsonAndItsHashIsItsSha256() throws Exception {
    ConsentForm form = ConsentForms.seedForm("de-broad-consent", Instant.now());
    byte[] text = form.text("de");
    // Canonical (RFC 8785) by the strict reader of the audit log: anyone can recompute it.
    JsonReader.parseCanonical(new String(text, StandardCharsets.UTF_8));
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    assertEquals(expected, form.textSha256("de"));
    assertTrue(new String(text, StandardCharsets.UTF_8).contains("\"language\":\"de\""));
    assertNotEquals(form.textSha256("de"), form.textSha256("fr"));
  }

  @Test
  void changingOneCharacterOfOneModuleChangesTheHashOfThatLanguageOnly() {
    JsonObject seed =
        FormDocument.json(ConsentForms.seedForm("lu-research-consent", Instant.now()));
    String changed = seed.toString().replace("jamais votre nom.", "jamais votre nom !");
    ConsentForm before = parse(seed);
    ConsentForm after = parse(Json.createReader(new java.io.StringReader(changed)).readObject());
    assertNotEquals(before.textSha256("fr"), after.textSha256("fr"));
    assertEquals(before.textSha256("en"), after.textSha256("en"));
  }

  @Test
  void everythingWrongWithAFormIsSaidAtOnce() {
    JsonObject bad =
        Json.createObjectBuilder()
            .add("id", "X")
            .add("version", 2)
            .add("jurisdiction", "IT")
            .add("languages", Json.createArrayBuilder().add("en").add("xx"))
            .add("title", Json.createObjectBuilder().add("en", "T"))
            .add("intro", Json.createObjectBuilder().add("en", "I"))
            .add(
                "modules",
                Json.createArrayBuilder()
                    .add(module("TELEPATHY"))
                    .add(module("GENETIC"))
                    .add(module("GENETIC").add("duo", Json.createArrayBuilder().add("DS"))))
            .build();
    FormDocument.Parsed parsed = FormDocument.parse(bad, NOW);
    List<String> fields =
        assertInstanceOf(FormDocument.Parsed.Invalid.class, parsed).problems().stream()
            .map(FieldProblem::field)
            .toList();
    for (String field :
        List.of(
            "id",
            "jurisdiction",
            "change",
            "languages",
            "modules[0].code",
            "modules[2].code",
            "modules[2].duo")) {
      assertTrue(fields.contains(field), field + " in " + fields);
    }
  }

  private static jakarta.json.JsonObjectBuilder module(String code) {
    return Json.createObjectBuilder()
        .add("code", code)
        .add("title", Json.createObjectBuilder().add("en", "t"))
        .add("text", Json.createObjectBuilder().add("en", "x"));
  }

  private static ConsentForm parse(JsonObject json) {
    return assertInstanceOf(FormDocument.Parsed.Valid.class, FormDocument.parse(json, NOW)).form();
  }
}
