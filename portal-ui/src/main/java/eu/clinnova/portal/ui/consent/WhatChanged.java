package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import java.util.Objects;
import java.util.Optional;

/** What changed between two versions of a form, module by module, in the patient's language. */
final class WhatChanged {

  private WhatChanged() {}

  static void open(ConsentForm before, ConsentForm after, String language) {
    Dialog dialog = new Dialog();
    dialog.setId("what-changed-dialog");
    H2 heading =
        new H2(dialog.getTranslation("consent.changes.title", before.version(), after.version()));
    heading.setId("what-changed-title");
    heading.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin-top", "0");
    dialog.getElement().setAttribute("aria-labelledby", "what-changed-title");
    Div body = new Div(heading);
    boolean any = false;
    if (!Objects.equals(before.intro().get(language), after.intro().get(language))) {
      body.add(new H3(dialog.getTranslation("consent.changes.intro")));
      body.add(new Paragraph(after.intro().get(language)));
      any = true;
    }
    for (FormModule module : after.modules()) {
      Optional<FormModule> old = before.module(module.module());
      String title = module.title().get(language);
      if (old.isEmpty()) {
        body.add(new H3(dialog.getTranslation("consent.changes.added", title)));
        body.add(new Paragraph(module.text().get(language)));
        any = true;
      } else if (!Objects.equals(old.get().text().get(language), module.text().get(language))
          || !Objects.equals(old.get().title().get(language), title)) {
        body.add(new H3(dialog.getTranslation("consent.changes.changed", title)));
        body.add(
            new Paragraph(
                dialog.getTranslation("consent.changes.before", old.get().text().get(language))));
        body.add(
            new Paragraph(
                dialog.getTranslation("consent.changes.now", module.text().get(language))));
        any = true;
      }
    }
    for (FormModule module : before.modules()) {
      if (after.module(module.module()).isEmpty()) {
        body.add(
            new H3(dialog.getTranslation("consent.changes.removed", module.title().get(language))));
        any = true;
      }
    }
    if (!any) {
      body.add(new Paragraph(dialog.getTranslation("consent.changes.none")));
    }
    dialog.add(body);
    Button close = new Button(dialog.getTranslation("consent.close"), event -> dialog.close());
    close.setId("close-changes");
    dialog.getFooter().add(close);
    dialog.open();
    close.focus();
  }
}
