package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Comparator;

/**
 * The consent forms in force, one per jurisdiction and purpose, in the administrator's language
 * where the form has it; each opens its editor for the next version, marked when a draft waits.
 */
@Route(value = "admin/consent-forms", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class ConsentFormsView extends Main implements HasDynamicTitle {

  @Inject
  public ConsentFormsView(ConsentForms forms) {
    Caller caller = SignedInUser.current().orElseThrow();
    setId("admin-consent-forms");
    addClassName("portal-page");
    UnorderedList list = new UnorderedList();
    list.setId("consent-form-list");
    list.addClassName("portal-cards");
    for (ConsentForm form :
        forms.active().stream()
            .sorted(Comparator.comparing(ConsentForm::jurisdiction).thenComparing(ConsentForm::id))
            .toList()) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.setId("consent-form-" + form.id());
      item.add(
          new Anchor(
              "admin/consent-form/" + form.id(), FormTexts.title(form, getLocale().getLanguage())),
          new Paragraph(
              getTranslation("jurisdiction." + form.jurisdiction())
                  + " · "
                  + getTranslation("forms.inForce", form.version())
                  + " · "
                  + FormTexts.languages(form, getLocale())));
      if (forms.draft(caller, form.id()).isPresent()) {
        Paragraph draft = new Paragraph(getTranslation("forms.draftWaiting"));
        draft.addClassName("portal-note");
        item.add(draft);
      }
      list.add(item);
    }
    add(new H1(getTranslation("forms.title")), new Paragraph(getTranslation("forms.intro")), list);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("forms.title") + " · " + getTranslation("app.name");
  }
}
