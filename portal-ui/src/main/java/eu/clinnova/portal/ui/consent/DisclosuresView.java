package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.messages.delivery.DeliveryLog;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.release.ReleaseSubjects;
import eu.clinnova.workflow.register.PublicRegister;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * "Who used my data": every release that included the patient, newest first, each with the proof
 * that it did (a file the patient keeps, checked offline against the log's key).
 */
@Route(value = "consent/disclosures", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class DisclosuresView extends Main implements HasDynamicTitle {

  @Inject
  public DisclosuresView(
      ConsentQueries queries,
      ReleaseSubjects releases,
      DeliveryLog deliveries,
      PublicRegister register) {
    setId("disclosures");
    addClassName("portal-page");
    add(
        new H1(getTranslation("disclosures.title")),
        new Paragraph(getTranslation("disclosures.intro")));
    Caller caller = SignedInUser.current().orElseThrow();
    if (caller.psn().isEmpty()) {
      add(new Paragraph(getTranslation("activation.needed")));
      return;
    }
    add(
        new DisclosuresList(
            caller, caller.psn().get(), queries, releases, deliveries, register, false));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("disclosures.title") + " · " + getTranslation("app.name");
  }
}
