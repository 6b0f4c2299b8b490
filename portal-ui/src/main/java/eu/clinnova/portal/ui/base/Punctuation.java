package eu.clinnova.portal.ui.base;

import java.util.Locale;

/**
 * Punctuation the code puts between a label and its value, as each language writes it: French sets
 * a (non-breaking) space before a colon, English and German do not.
 */
public final class Punctuation {

  private Punctuation() {}

  /** The colon in the language of the UI that {@code component} is shown in. */
  public static String colon(com.vaadin.flow.component.Component component) {
    return colon(
        component
            .getUI()
            .or(() -> java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()))
            .map(com.vaadin.flow.component.UI::getLocale)
            .orElse(Locale.ENGLISH));
  }

  /** ": ", or "\u00a0: " in French. */
  public static String colon(Locale locale) {
    return "fr".equals(locale.getLanguage()) ? "\u00a0: " : ": ";
  }

  /** {@code text} in the quotation marks of the UI's language: “…”, « … », „…“. */
  public static String quoted(com.vaadin.flow.component.Component component, String text) {
    String language =
        component
            .getUI()
            .or(() -> java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()))
            .map(ui -> ui.getLocale().getLanguage())
            .orElse("en");
    return switch (language) {
      case "fr" -> "«\u00a0" + text + "\u00a0»";
      case "de" -> "„" + text + "“";
      default -> "“" + text + "”";
    };
  }
}
