package eu.clinnova.portal.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import java.util.Locale;

/**
 * Chooses the UI language. Each language is named in itself, so a person who cannot read the
 * current one still finds theirs. The choice is kept for the session, the browser and the account
 * (so it follows the person to another device), and the page reloads in it.
 */
public class LanguageSwitch extends Select<Locale> {

  public LanguageSwitch() {
    setItems(PortalLanguages.LOCALES);
    setItemLabelGenerator(locale -> capitalize(locale.getDisplayLanguage(locale)));
    setAriaLabel(getTranslation("language.label"));
    setValue(PortalLanguages.supported(UI.getCurrent().getLocale()));
    addValueChangeListener(
        change -> {
          if (change.isFromClient() && change.getValue() != null) {
            LanguagePreference.choose(
                change.getValue(), VaadinRequest.getCurrent(), VaadinResponse.getCurrent());
            UI.getCurrent().getPage().reload();
          }
        });
  }

  private static String capitalize(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
