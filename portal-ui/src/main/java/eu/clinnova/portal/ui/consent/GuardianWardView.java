package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.ConsentRecording;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.messages.delivery.DeliveryLog;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.release.ReleaseSubjects;
import eu.clinnova.workflow.register.PublicRegister;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * A guardian's page for one minor: the same dashboard the patient will have, signed as guardian.
 * Anyone who is not (or no longer) the minor's guardian is told there is no such patient.
 */
@Route(value = "ward", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class GuardianWardView extends Main implements HasDynamicTitle, HasUrlParameter<String> {

  private final ConsentQueries queries;
  private final ConsentRecording recording;
  private final ConsentForms forms;
  private final ReleaseSubjects releases;
  private final DeliveryLog deliveries;
  private final PublicRegister register;
  private final Caller caller;
  private String psn = "";

  @Inject
  public GuardianWardView(
      ConsentQueries queries,
      ConsentRecording recording,
      ConsentForms forms,
      ReleaseSubjects releases,
      DeliveryLog deliveries,
      PublicRegister register) {
    this.register = register;
    this.queries = queries;
    this.recording = recording;
    this.forms = forms;
    this.releases = releases;
    this.deliveries = deliveries;
    this.caller = SignedInUser.current().orElseThrow();
    setId("ward");
    addClassName("portal-page");
  }

  @Override
  public void setParameter(BeforeEvent event, String parameter) {
    psn = parameter;
    removeAll();
    add(new H1(getTranslation("ward.title", psn)));
    try {
      queries.state(caller, psn, Instant.now());
    } catch (Refusal refusal) {
      Paragraph missing = new Paragraph(getTranslation("ward.unknown"));
      missing.setId("ward-unknown");
      add(missing);
      return;
    }
    add(new Paragraph(getTranslation("ward.intro")));
    add(new ConsentDashboard(caller, psn, queries, recording, forms));
    H2 used = new H2(getTranslation("ward.disclosures"));
    used.setId("ward-disclosures");
    add(used, new DisclosuresList(caller, psn, queries, releases, deliveries, register, true));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("ward.title", psn) + " · " + getTranslation("app.name");
  }
}
