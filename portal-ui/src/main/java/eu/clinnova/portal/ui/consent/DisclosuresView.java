package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.Requester;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.portal.api.consent.ReleaseProofResource;
import eu.clinnova.portal.identity.Caller;
import eu.clinnova.portal.identity.Requesters;
import eu.clinnova.portal.identity.Role;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.SignedInUser;
import eu.clinnova.workflow.release.ReleaseSubjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;

/**
 * "Who used my data": every release that included the patient, newest first, each with the proof
 * that it did (a file the patient keeps, checked offline against the log's key).
 */
@Route(value = "consent/disclosures", layout = MainLayout.class)
@RolesAllowed(Role.Names.PATIENT)
public class DisclosuresView extends Main implements HasDynamicTitle {

  @Inject
  public DisclosuresView(ConsentQueries queries, ReleaseSubjects releases) {
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
    Requester requester = Requesters.of(caller);
    String psn = caller.psn().get();
    grid.addComponentColumn(
            disclosure -> {
              UUID release = UUID.fromString(disclosure.releaseId());
              Anchor proof =
                  Downloads.link(
                      getTranslation("disclosures.proof"),
                      ReleaseProofResource.fileName(psn, release),
                      "application/json",
                      () -> CanonicalJson.bytes(releases.proof(requester, psn, release).toJson()));
              proof.setId("proof-" + disclosure.releaseId());
              proof
                  .getElement()
                  .setAttribute(
                      "aria-label",
                      getTranslation(
                          "disclosures.proof.label",
                          disclosure.projectTitle(),
                          format.format(disclosure.decidedAt()) + " UTC"));
              return proof;
            })
        .setHeader(getTranslation("disclosures.proof"));
    grid.setItems(disclosures);
    add(grid, new Paragraph(getTranslation("disclosures.proof.explain")));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("disclosures.title") + " · " + getTranslation("app.name");
  }
}
