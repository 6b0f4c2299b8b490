package eu.clinnova.consent.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.ConsentModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDiffTest {

  private static final FormModule CLINICAL =
      new FormModule(
          ConsentModule.CLINICAL_DATA,
          true,
          List.of("DUO:0000042"),
          Map.of("en", "Clinical data", "fr", "Données cliniques"),
          Map.of("en", "Your records.", "fr", "Votre dossier."));

  private static ConsentForm form(
      int version, Map<String, String> intro, List<FormModule> modules) {
    return new ConsentForm(
        "lu-test",
        version,
        "LU",
        version == 1 ? FormChange.INITIAL : FormChange.MINOR,
        List.of("en", "fr"),
        Map.of("en", "Research", "fr", "Recherche"),
        intro,
        modules,
        Instant.EPOCH);
  }

  @Test
  void sameFormsDifferInNothing() {
    ConsentForm v1 = form(1, Map.of("en", "Hello", "fr", "Bonjour"), List.of(CLINICAL));
    assertTrue(FormDiff.between(v1, form(2, v1.intro(), v1.modules())).isEmpty());
  }

  @Test
  void eachChangedTextIsNamedByPartModuleAndLanguage() {
    ConsentForm v1 = form(1, Map.of("en", "Hello", "fr", "Bonjour"), List.of(CLINICAL));
    Map<String, String> text = new HashMap<>(CLINICAL.text());
    text.put("fr", "Votre dossier médical.");
    FormModule reworded =
        new FormModule(CLINICAL.module(), false, CLINICAL.duo(), CLINICAL.title(), text);
    FormModule samples =
        new FormModule(
            ConsentModule.SAMPLES,
            false,
            List.of(),
            Map.of("en", "Samples", "fr", "Échantillons"),
            Map.of("en", "Blood.", "fr", "Sang."));
    List<FormModule> modules = new ArrayList<>(List.of(reworded, samples));
    ConsentForm v2 = form(2, Map.of("en", "Hello there", "fr", "Bonjour"), modules);

    List<FormDiff.Change> changes = FormDiff.between(v1, v2);
    assertEquals(
        List.of(
            new FormDiff.Change(FormDiff.Part.INTRO, null, "en", "Hello", "Hello there"),
            new FormDiff.Change(
                FormDiff.Part.MODULE_TEXT,
                "CLINICAL-DATA",
                "fr",
                "Votre dossier.",
                "Votre dossier médical."),
            new FormDiff.Change(
                FormDiff.Part.MODULE_REQUIRED, "CLINICAL-DATA", "", "true", "false"),
            new FormDiff.Change(FormDiff.Part.MODULE_TITLE, "SAMPLES", "en", "", "Samples"),
            new FormDiff.Change(FormDiff.Part.MODULE_TITLE, "SAMPLES", "fr", "", "Échantillons"),
            new FormDiff.Change(FormDiff.Part.MODULE_TEXT, "SAMPLES", "en", "", "Blood."),
            new FormDiff.Change(FormDiff.Part.MODULE_TEXT, "SAMPLES", "fr", "", "Sang."),
            new FormDiff.Change(FormDiff.Part.MODULE_REQUIRED, "SAMPLES", "", "", "false")),
        changes);
  }
}
