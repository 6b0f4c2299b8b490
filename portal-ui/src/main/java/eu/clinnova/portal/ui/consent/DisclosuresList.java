package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.kernel.Caller;
import eu.clinnova.messages.delivery.DeliveryLog;
import eu.clinnova.portal.api.consent.ReleaseProofResource;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.release.ReleaseSubjects;
import java.util.List;
import java.util.UUID;

/**
 * Every release that included a patient, newest first, each with the proof that it did (a file the
 * patient or their guardian keeps, checked offline against the log's key): the patient's own "Who
 * used my data" and a guardian's page of their ward show the same list.
 */
final class DisclosuresList extends Div {

  DisclosuresList(
      Caller caller,
      String psn,
      ConsentQueries queries,
      ReleaseSubjects releases,
      DeliveryLog deliveries) {
    setId("disclosures-list");
    List<Disclosure> disclosures = queries.disclosures(caller, psn);
    if (disclosures.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("disclosures.empty"));
      none.setId("disclosures-empty");
      add(none);
      return;
    }
    // In the reader's language, on the network's clock with its zone named (never UTC).
    java.util.function.Function<java.time.Instant, String> when =
        at -> NetworkTime.dateTime(at, getLocale());
    Grid<Disclosure> grid = new Grid<>();
    grid.setId("disclosures-grid");
    grid.setAllRowsVisible(true);
    grid.addColumn(d -> when.apply(d.decidedAt())).setHeader(getTranslation("disclosures.when"));
    grid.addColumn(Disclosure::projectTitle).setHeader(getTranslation("disclosures.project"));
    grid.addColumn(Disclosure::datasetId).setHeader(getTranslation("disclosures.dataset"));
    grid.addColumn(Disclosure::node).setHeader(getTranslation("disclosures.node"));
    grid.addColumn(Disclosure::auditIndex).setHeader(getTranslation("disclosures.audit"));
    // After a withdrawal, the recipient of each earlier release is told (issue 20).
    grid.addColumn(
            disclosure ->
                deliveries
                    .noticeAbout("release:" + disclosure.releaseId(), "withdrawal-notice", psn)
                    .map(
                        notice ->
                            notice
                                .sentAt()
                                .map(sent -> getTranslation("disclosures.told", when.apply(sent)))
                                .orElse(getTranslation("disclosures.telling")))
                    .orElse(""))
        .setHeader(getTranslation("disclosures.withdrawal"));
    grid.addComponentColumn(
            disclosure -> {
              UUID release = UUID.fromString(disclosure.releaseId());
              Anchor proof =
                  Downloads.link(
                      getTranslation("disclosures.proof"),
                      ReleaseProofResource.fileName(psn, release),
                      "application/json",
                      () -> CanonicalJson.bytes(releases.proof(caller, psn, release).toJson()));
              proof.setId("proof-" + disclosure.releaseId());
              proof
                  .getElement()
                  .setAttribute(
                      "aria-label",
                      getTranslation(
                          "disclosures.proof.label",
                          disclosure.projectTitle(),
                          when.apply(disclosure.decidedAt())));
              return proof;
            })
        .setHeader(getTranslation("disclosures.proof"));
    grid.setItems(disclosures);
    add(grid, new Paragraph(getTranslation("disclosures.proof.explain")));
  }
}
