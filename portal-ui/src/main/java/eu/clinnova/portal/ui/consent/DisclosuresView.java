package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.portal.identity.Caller;
import eu.clinnova.portal.identity.Requesters;
import eu.clinnova.portal.identity.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** "Who used my data": every release that included the patient, newest first. */
@Route(value = "consent/disclosures", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class DisclosuresView extends Main implements HasDynamicTitle {

  @Inject
  public DisclosuresView(ConsentQueries queries) {
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
    List<Disclosure> disclosures = queries.disclosures(Requesters.of(caller), caller.psn().get());
    if (disclosures.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("disclosures.empty"));
      none.setId("disclosures-empty");
      add(none);
      return;
    }
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(getLocale())
            .withZone(ZoneOffset.UTC);
    Grid<Disclosure> grid = new Grid<>();
    grid.setId("disclosures-grid");
    grid.setAllRowsVisible(true);
    grid.addColumn(d -> format.format(d.decidedAt()) + " UTC")
        .setHeader(getTranslation("disclosures.when"));
    grid.addColumn(Disclosure::projectTitle).setHeader(getTranslation("disclosures.project"));
    grid.addColumn(Disclosure::datasetId).setHeader(getTranslation("disclosures.dataset"));
    grid.addColumn(Disclosure::node).setHeader(getTranslation("disclosures.node"));
    grid.addColumn(Disclosure::auditIndex).setHeader(getTranslation("disclosures.audit"));
    grid.setItems(disclosures);
    add(grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("disclosures.title") + " · " + getTranslation("app.name");
  }
}
