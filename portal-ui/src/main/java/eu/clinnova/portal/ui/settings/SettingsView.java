package eu.clinnova.portal.ui.settings;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.messages.preference.AccountPreferences;
import eu.clinnova.messages.preference.Preferences;
import eu.clinnova.portal.ui.base.LanguagePreference;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Each person's settings: the language of the portal and of their e-mails, and which e-mails they
 * receive. Only the choices that concern the person's roles are offered (a patient is not asked
 * about votes); the others keep their values. Messages owed whatever the choice are said to be so.
 */
@Route(value = "settings", layout = MainLayout.class)
@PermitAll
public class SettingsView extends Main implements HasDynamicTitle {

  @Inject
  public SettingsView(AccountPreferences preferences) {
    setId("settings");
    addClassName("portal-page");
    Caller caller = SignedInUser.current().orElseThrow();
    Preferences current =
        preferences.of(caller.subject(), Optional.of(UI.getCurrent().getLocale().getLanguage()));
    add(new H1(getTranslation("settings.title")), new Paragraph(getTranslation("settings.intro")));

    Select<String> language = new Select<>();
    language.setId("settings-language");
    language.setLabel(getTranslation("settings.language"));
    language.setItems(Preferences.LANGUAGES);
    language.setItemLabelGenerator(
        code -> {
          Locale locale = Locale.forLanguageTag(code);
          String name = locale.getDisplayLanguage(locale);
          return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        });
    language.setValue(current.language());

    Section email = Sections.labelled("settings-email", getTranslation("settings.email"));
    email.getStyle().set("margin-block", "var(--lumo-space-l) var(--lumo-space-m)");
    boolean reviews =
        caller.has(Role.DATA_STEWARD)
            || caller.has(Role.DAC_MEMBER)
            || caller.has(Role.DAC_CHAIR)
            || caller.has(Role.ADMIN);
    Checkbox tasks = choice("settings-email-tasks", "settings.email.tasks", current.emailTasks());
    Checkbox decisions =
        choice("settings-email-decisions", "settings.email.decisions", current.emailDecisions());
    Checkbox releases =
        choice(
            "settings-email-releases",
            "settings.email.releasesOfMyData",
            current.emailReleasesOfMyData());
    tasks.setVisible(reviews);
    decisions.setVisible(caller.has(Role.RESEARCHER));
    releases.setVisible(caller.has(Role.PATIENT));
    email.add(tasks, decisions, releases, new Paragraph(getTranslation("settings.email.owed")));

    Paragraph status = Sections.status("settings-status");
    Button save = new Button(getTranslation("settings.save"));
    save.setId("settings-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        click -> {
          String chosen = language.getValue() == null ? current.language() : language.getValue();
          preferences.save(
              caller.subject(),
              caller.psn(),
              new Preferences(chosen, tasks.getValue(), decisions.getValue(), releases.getValue()));
          if (!chosen.equals(UI.getCurrent().getLocale().getLanguage())) {
            // The portal speaks the new language at once; the next e-mails are written in it too.
            LanguagePreference.remember(
                Locale.forLanguageTag(chosen),
                VaadinRequest.getCurrent(),
                VaadinResponse.getCurrent());
            UI.getCurrent().getPage().reload();
            return;
          }
          status.setText(getTranslation("settings.saved"));
        });
    add(language, email, save, status);
  }

  private Checkbox choice(String id, String key, boolean value) {
    Checkbox box = new Checkbox(getTranslation(key), value);
    box.setId(id);
    box.getStyle().set("display", "flex");
    return box;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("settings.title") + " · " + getTranslation("app.name");
  }
}
