package eu.clinnova.portal.ui.base;

import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's languages (English, French, German) and their texts, from {@code
 * vaadin-i18n/translations*.properties}. A missing key shows as {@code !key!} so that tests and
 * reviewers notice it.
 */
@VaadinServiceScoped
public class PortalLanguages implements I18NProvider {

  public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN);
  private static final String BUNDLE = "vaadin-i18n.translations";

  @Override
  public List<Locale> getProvidedLocales() {
    return LOCALES;
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    try {
      String text =
          ResourceBundle.getBundle(
                  BUNDLE, supported(locale), PortalLanguages.class.getClassLoader())
              .getString(key);
      return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
  }

  /** The supported locale with the same language, or English. */
  public static Locale supported(Locale locale) {
    if (locale != null) {
      for (Locale candidate : LOCALES) {
        if (candidate.getLanguage().equals(locale.getLanguage())) {
          return candidate;
        }
      }
    }
    return Locale.ENGLISH;
  }
}
