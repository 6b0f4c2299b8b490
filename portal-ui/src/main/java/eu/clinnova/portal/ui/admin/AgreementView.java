package eu.clinnova.portal.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.Confirmation;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.application.AgreementVersion;
import eu.clinnova.workflow.application.DataAccessAgreements;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The data access agreement as an administrator keeps it: the version in force, its next version
 * written and published (with a confirmation: applicants accept it from then on), and every version
 * with its fingerprint.
 */
@Route(value = "admin/agreement", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class AgreementView extends Main implements HasDynamicTitle {

  private final DataAccessAgreements agreements;
  private final Caller caller;
  private final Paragraph status = Sections.status("agreement-status");
  private String notice;

  @Inject
  public AgreementView(DataAccessAgreements agreements) {
    this.agreements = agreements;
    this.caller = SignedInUser.current().orElseThrow();
    setId("admin-agreement");
    addClassName("portal-page");
    show();
  }

  private void show() {
    removeAll();
    status.setText(notice == null ? "" : notice);
    notice = null;
    List<AgreementVersion> versions = agreements.versions();
    AgreementVersion inForce = versions.get(0);
    add(
        new H1(getTranslation("agreement.title")),
        new Paragraph(getTranslation("agreement.intro")));
    Section current =
        Sections.labelled(
            "agreement-in-force",
            getTranslation(
                "agreement.inForce",
                inForce.version(),
                NetworkTime.dateTime(inForce.publishedAt(), getLocale())));
    Pre text = new Pre(inForce.agreement().text());
    text.setId("agreement-in-force-text");
    text.addClassName("portal-agreement");
    // It scrolls: keyboard users reach it too.
    text.getElement().setAttribute("tabindex", "0");
    current.add(text);
    add(current, next(inForce), history(versions));
  }

  private Section next(AgreementVersion inForce) {
    Section section =
        Sections.labelled(
            "agreement-next",
            getTranslation("agreement.next", inForce.version() + 1),
            "portal-form");
    section.add(new Paragraph(getTranslation("agreement.nextIntro")));
    TextArea text = new TextArea(getTranslation("agreement.text"));
    text.setId("agreement-next-text");
    text.setValue(inForce.agreement().text());
    text.setMaxLength(DataAccessAgreements.MAX_LENGTH);
    text.setWidthFull();
    Button publish = new Button(getTranslation("agreement.publish", inForce.version() + 1));
    publish.setId("agreement-publish");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.addClickListener(
        event ->
            Confirmation.open(
                getTranslation("agreement.publishConfirm", inForce.version() + 1),
                new Paragraph(getTranslation("agreement.publishEffect")),
                getTranslation("agreement.publish", inForce.version() + 1),
                false,
                getTranslation("datasets.cancel"),
                () -> publish(text)));
    section.add(text, publish, status);
    return section;
  }

  private void publish(TextArea text) {
    text.setInvalid(false);
    try {
      DataAccessAgreements.Published published = agreements.publish(caller, text.getValue());
      notice = getTranslation("agreement.published", published.version().version());
      show();
    } catch (Refusal refusal) {
      String message = refusal.problems().isEmpty() ? "" : refusal.problems().get(0).message();
      text.setErrorMessage(
          message.startsWith("is the text")
              ? getTranslation("agreement.unchanged")
              : message.startsWith("must be the agreement")
                  ? getTranslation("agreement.empty")
                  : message.startsWith("must be the whole agreement")
                      ? getTranslation("agreement.tooShort", DataAccessAgreements.MIN_LENGTH)
                      : message);
      text.setInvalid(true);
      text.focus();
      status.setText(getTranslation("agreement.invalid"));
    }
  }

  private Section history(List<AgreementVersion> versions) {
    Section section =
        Sections.labelled("agreement-history", getTranslation("agreement.history"), "portal-form");
    UnorderedList list = new UnorderedList();
    list.setId("agreement-versions");
    list.addClassName("portal-cards");
    for (AgreementVersion version : versions) {
      ListItem item = new ListItem();
      item.addClassName("portal-card");
      item.add(
          new Paragraph(
              getTranslation(
                  "agreement.version",
                  version.version(),
                  NetworkTime.dateTime(version.publishedAt(), getLocale()))),
          new Paragraph(getTranslation("agreement.fingerprint", version.agreement().sha256())));
      list.add(item);
    }
    section.add(list);
    return section;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("agreement.title") + " · " + getTranslation("app.name");
  }
}
