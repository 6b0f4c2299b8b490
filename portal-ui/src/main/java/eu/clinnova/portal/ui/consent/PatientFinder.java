package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.clinnova.consent.application.PatientRegistry;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.registry.ListedPatient;
import eu.clinnova.consent.registry.PatientFilter;
import eu.clinnova.consent.registry.PatientFilter.ConsentStanding;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Sections;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A steward's patients, found by the start of the pseudonym, site, cohort and where their consent
 * stands, a page at a time ("More" reads the next): a registry of a million is never read whole.
 * Each patient links to their page.
 */
final class PatientFinder extends Div {

  private static final int PAGE = 20;

  private final PatientRegistry registry;
  private final Caller caller;
  private final TextField prefix = new TextField();
  private final TextField site = new TextField();
  private final Select<Optional<Patient.Cohort>> cohort = new Select<>();
  private final Select<Optional<ConsentStanding>> consent = new Select<>();
  private final UnorderedList results = new UnorderedList();
  private final Paragraph summary = Sections.status("find-summary");
  private final Button more = new Button();
  private Optional<String> next = Optional.empty();
  private final String route;

  /** A finder whose results open {@code route} + the pseudonym (the steward's or compliance's). */
  PatientFinder(PatientRegistry registry, Caller caller, String route) {
    this.registry = registry;
    this.caller = caller;
    this.route = route;
    Section section =
        Sections.labelled("find-patients", getTranslation("steward.find.heading"), "portal-form");
    prefix.setLabel(getTranslation("steward.find.prefix"));
    prefix.setHelperText(getTranslation("steward.find.prefixHelp"));
    prefix.setId("find-q");
    prefix.setMaxLength(19);
    site.setLabel(getTranslation("steward.site"));
    site.setId("find-site");
    site.setMaxLength(100);
    cohort.setLabel(getTranslation("steward.find.cohort"));
    cohort.setId("find-cohort");
    cohort.setItems(
        Optional.empty(),
        Optional.of(Patient.Cohort.IBD),
        Optional.of(Patient.Cohort.RA),
        Optional.of(Patient.Cohort.MS));
    cohort.setItemLabelGenerator(
        choice ->
            choice
                .map(c -> getTranslation("cohort." + c.name()))
                .orElse(getTranslation("steward.find.any")));
    cohort.setValue(Optional.empty());
    consent.setLabel(getTranslation("steward.find.consent"));
    consent.setId("find-consent");
    consent.setItems(
        Optional.empty(),
        Optional.of(ConsentStanding.NONE),
        Optional.of(ConsentStanding.RECORDED),
        Optional.of(ConsentStanding.WITHDRAWN));
    consent.setItemLabelGenerator(
        choice ->
            choice
                .map(standing -> getTranslation("steward.standing." + standing.code()))
                .orElse(getTranslation("steward.find.any")));
    consent.setValue(Optional.empty());
    Button find = new Button(getTranslation("steward.find.button"), event -> search());
    find.setId("find-button");
    find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    find.addClickShortcut(Key.ENTER);
    results.setId("patient-list");
    results.addClassName("portal-cards");
    more.setText(getTranslation("steward.find.more"));
    more.setId("find-more");
    more.addClickListener(event -> page(false));
    Div filters = new Div(prefix, site, cohort, consent, find);
    filters.addClassName("portal-filters");
    section.add(filters, summary, results, more);
    add(section);
    search();
  }

  private void search() {
    next = Optional.empty();
    results.removeAll();
    page(true);
  }

  private void page(boolean first) {
    String typed = prefix.getValue().strip();
    if (!typed.matches("[0-9A-Za-z-]*")) {
      prefix.setErrorMessage(getTranslation("steward.find.prefixInvalid"));
      prefix.setInvalid(true);
      return;
    }
    prefix.setInvalid(false);
    PatientRegistry.Page page =
        registry.list(
            caller,
            new PatientFilter(
                PatientRegistry.listable(caller),
                typed,
                Optional.of(site.getValue()),
                cohort.getValue(),
                consent.getValue(),
                first ? Optional.empty() : next,
                PAGE));
    page.items().forEach(item -> results.add(card(item)));
    next = page.next();
    more.setVisible(next.isPresent());
    int shown = results.getChildren().mapToInt(child -> 1).sum();
    summary.setText(
        shown == 0
            ? getTranslation("steward.find.none")
            : shown == 1 && next.isEmpty()
                ? getTranslation("steward.find.shownOne")
                : getTranslation(
                    next.isPresent() ? "steward.find.shownMore" : "steward.find.shown", shown));
  }

  private ListItem card(ListedPatient listed) {
    Patient patient = listed.patient();
    ListItem item = new ListItem();
    item.addClassName("portal-card");
    item.setId("patient-" + patient.psn());
    Anchor link = new Anchor(route + patient.psn(), patient.psn());
    link.addClassName("portal-card-title");
    item.add(
        link,
        new Paragraph(
            patient.site()
                + " · "
                + patient.cohorts().stream()
                    .map(c -> getTranslation("cohort." + c.name()))
                    .sorted()
                    .collect(Collectors.joining(", "))
                + " · "
                + getTranslation(
                    patient.minor() ? "steward.patient.minor" : "steward.patient.adult")),
        new Paragraph(getTranslation("steward.standing." + listed.consent().code())));
    return item;
  }
}
