package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.kernel.Caller;
import eu.clinnova.messages.delivery.DeliveryLog;
import eu.clinnova.portal.api.consent.ReleaseProofResource;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.release.ReleaseSubjects;
import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.register.PublicRegister;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every release that included a patient, newest first, as cards that read on a phone: the project
 * in words (its title, the organisation, what it does, the data it received) as the public register
 * shows it, with a link to its entry there, when, and the proof that the release included them (a
 * file the patient or their guardian keeps, checked offline against the log's key). The hospital
 * node and the log's entry number stay, for whoever checks. The patient's own "Who used my data"
 * and a guardian's page of their ward show the same list.
 */
final class DisclosuresList extends Div {

  private final boolean nested;

  DisclosuresList(
      Caller caller,
      String psn,
      ConsentQueries queries,
      ReleaseSubjects releases,
      DeliveryLog deliveries,
      PublicRegister register,
      boolean nested) {
    this.nested = nested;
    setId("disclosures-list");
    List<Disclosure> disclosures = queries.disclosures(caller, psn);
    if (disclosures.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("disclosures.empty"));
      none.setId("disclosures-empty");
      add(none);
      return;
    }
    Map<UUID, PublicRegister.Project> projects =
        register.entries(
            disclosures.stream()
                .map(disclosure -> UUID.fromString(disclosure.applicationId()))
                .collect(Collectors.toSet()));
    UnorderedList cards = new UnorderedList();
    cards.setId("disclosures-cards");
    cards.addClassName("portal-cards");
    for (Disclosure disclosure : disclosures) {
      cards.add(
          card(
              caller,
              psn,
              releases,
              deliveries,
              disclosure,
              Optional.ofNullable(projects.get(UUID.fromString(disclosure.applicationId())))));
    }
    add(cards, new Paragraph(getTranslation("disclosures.proof.explain")));
  }

  private ListItem card(
      Caller caller,
      String psn,
      ReleaseSubjects releases,
      DeliveryLog deliveries,
      Disclosure disclosure,
      Optional<PublicRegister.Project> project) {
    String id = disclosure.releaseId();
    String when = NetworkTime.dateTime(disclosure.decidedAt(), getLocale());
    ListItem card = new ListItem();
    card.setId("disclosure-" + id);
    card.addClassName("portal-card");
    Anchor title =
        new Anchor(
            "register?lang=" + getLocale().getLanguage() + "#project-" + disclosure.applicationId(),
            project.map(PublicRegister.Project::title).orElse(disclosure.projectTitle()));
    title.setId("register-link-" + id);
    // The register is a page of its own, outside the UI's router: a full load.
    title.getElement().setAttribute("router-ignore", true);
    HtmlContainer heading = nested ? new H3(title) : new H2(title);
    card.add(heading);
    DescriptionList details = new DescriptionList();
    details.addClassName("portal-details");
    term(details, "disclosures.when", new Span(when));
    project
        .map(PublicRegister.Project::organisation)
        .filter(organisation -> !organisation.isBlank())
        .ifPresent(
            organisation -> term(details, "disclosures.organisation", new Span(organisation)));
    project.ifPresent(found -> term(details, "disclosures.purpose", new Span(purpose(found))));
    term(details, "disclosures.dataset", new Span(dataset(disclosure, project)));
    deliveries
        .noticeAbout("release:" + id, "withdrawal-notice", psn)
        .ifPresent(
            notice ->
                term(
                    details,
                    "disclosures.withdrawal",
                    new Span(
                        notice
                            .sentAt()
                            .map(
                                sent ->
                                    getTranslation(
                                        "disclosures.told",
                                        NetworkTime.dateTime(sent, getLocale())))
                            .orElse(getTranslation("disclosures.telling")))));
    Anchor proof =
        Downloads.link(
            getTranslation("disclosures.proof.download"),
            ReleaseProofResource.fileName(psn, UUID.fromString(id)),
            "application/json",
            () -> CanonicalJson.bytes(releases.proof(caller, psn, UUID.fromString(id)).toJson()));
    proof.setId("proof-" + id);
    proof
        .getElement()
        .setAttribute(
            "aria-label",
            getTranslation("disclosures.proof.label", disclosure.projectTitle(), when));
    term(details, "disclosures.proof", proof);
    term(
        details,
        "disclosures.trace",
        new Span(
            getTranslation(
                "disclosures.traceText",
                disclosure.node(),
                String.valueOf(disclosure.auditIndex()))));
    card.add(details);
    return card;
  }

  /** What the project does, in words: the data uses it was approved for and its own purpose. */
  private String purpose(PublicRegister.Project project) {
    String uses =
        project.duo().stream()
            .map(
                code ->
                    DuoTerm.of(code).map(term -> getTranslation("duo." + term.name())).orElse(code))
            .collect(Collectors.joining(", "));
    if (!uses.isEmpty()) {
      uses = uses.substring(0, 1).toUpperCase(getLocale()) + uses.substring(1);
    }
    if (uses.isEmpty()) {
      return project.purpose();
    }
    return project.purpose().isBlank() ? uses : uses + ". " + project.purpose();
  }

  /** The data released: the dataset's title and jurisdiction as the register names them. */
  private String dataset(Disclosure disclosure, Optional<PublicRegister.Project> project) {
    return project.stream()
        .flatMap(found -> found.datasets().stream())
        .filter(dataset -> dataset.id().equals(disclosure.datasetId()))
        .findFirst()
        .map(
            dataset ->
                dataset.jurisdiction().isEmpty()
                    ? dataset.title()
                    : dataset.title()
                        + " ("
                        + getTranslation("jurisdiction." + dataset.jurisdiction())
                        + ")")
        .orElse(disclosure.datasetId());
  }

  private void term(DescriptionList list, String key, Component value) {
    list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
  }
}
