package eu.clinnova.portal.ui.admin;

import eu.clinnova.consent.form.ConsentForm;
import java.util.Locale;
import java.util.stream.Collectors;

/** A form's texts as an administrator reads them: in their language when the form has it. */
final class FormTexts {

  private FormTexts() {}

  static String title(ConsentForm form, String language) {
    return form.title().getOrDefault(language, form.title().get("en"));
  }

  /** A language by its name in the reader's language: "French", "Französisch". */
  static String language(String code, Locale reader) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
    return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
  }

  static String languages(ConsentForm form, Locale reader) {
    return form.languages().stream()
        .map(code -> language(code, reader))
        .collect(Collectors.joining(", "));
  }
}
