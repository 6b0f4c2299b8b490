package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import eu.clinnova.consent.receipt.Controllers;

/**
 * The information notice behind a patient's consent, folded until asked for: the form's text module
 * by module in their language, who the controller is, how to reach its data protection officer and
 * which authority to complain to. What they agreed to is one click from their choices.
 */
final class ConsentNotice extends Details {

  ConsentNotice(ConsentForm form, String language, String jurisdiction) {
    setId("consent-notice");
    // A summary of its own, so that it wraps on a phone instead of widening the page.
    Span summary = new Span(getTranslation("consent.notice.summary"));
    summary.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere");
    setSummary(summary);
    getStyle().set("max-width", "100%");
    Div content = new Div();
    content.add(new Paragraph(form.intro().get(language)));
    for (FormModule module : form.modules()) {
      content.add(new H3(module.title().get(language)), new Paragraph(module.text().get(language)));
    }
    Controllers.Controller controller = Controllers.configured().of(jurisdiction);
    H3 whoHeading = new H3(getTranslation("consent.notice.who"));
    Anchor dpo = new Anchor("mailto:" + controller.dpo(), controller.dpo());
    dpo.setId("dpo-link");
    Paragraph controllerLine =
        new Paragraph(
            new Span(getTranslation("consent.notice.controller", controller.name())),
            new Span(" "),
            new Anchor("mailto:" + controller.contact(), controller.contact()));
    Paragraph dpoLine = new Paragraph(new Span(getTranslation("consent.notice.dpo") + " "), dpo);
    Paragraph rights =
        new Paragraph(getTranslation("consent.notice.rights", controller.authority()));
    content.add(whoHeading, controllerLine, dpoLine, rights);
    add(content);
  }
}
