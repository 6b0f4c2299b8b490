package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.PatientRegistry;
import eu.clinnova.consent.application.PersonalDataReads;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.fhir.ConsentMapper;
import eu.clinnova.portal.api.fhir.Fhir;
import eu.clinnova.portal.identity.KeycloakStaff;
import eu.clinnova.portal.ui.base.ActorNames;
import eu.clinnova.portal.ui.base.Downloads;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.NetworkTime;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A compliance officer looks a patient up (any jurisdiction) and reads their consent as it stood at
 * any instant, the full history of records, who read it (names resolved from the identity provider,
 * the log keeps ids), and takes the consents as FHIR. Every read here is itself logged, as the
 * patient sees on their own page.
 */
@Route(value = "compliance/patient", layout = MainLayout.class)
@RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
public class CompliancePatientView extends Main
    implements HasDynamicTitle, HasUrlParameter<String> {

  private final ConsentQueries queries;
  private final PatientRegistry registry;
  private final PersonalDataReads reads;
  private final Fhir fhir;
  private final ActorNames names;
  private final Caller caller;
  private final DateTimePicker asOf = new DateTimePicker();
  private final Section state = new Section();
  private String psn;

  @Inject
  public CompliancePatientView(
      ConsentQueries queries,
      PatientRegistry registry,
      PersonalDataReads reads,
      Fhir fhir,
      KeycloakStaff staff) {
    this.queries = queries;
    this.registry = registry;
    this.reads = reads;
    this.fhir = fhir;
    this.names = new ActorNames(staff);
    this.caller = SignedInUser.current().orElseThrow();
    setId("compliance-patient");
    addClassName("portal-page");
  }

  @Override
  public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
    removeAll();
    if (parameter == null || parameter.isBlank()) {
      add(
          new H1(getTranslation("compliance.patients.title")),
          new Paragraph(getTranslation("compliance.patients.intro")),
          new PatientFinder(registry, caller, "compliance/patient/"));
      return;
    }
    psn = parameter;
    add(new H1(getTranslation("steward.patient.title", psn)));
    ConsentQueries.PatientConsent now;
    try {
      now = queries.state(caller, psn, Instant.now());
    } catch (Refusal refusal) {
      Paragraph missing = new Paragraph(getTranslation("steward.patient.unknown"));
      missing.setId("patient-unknown");
      add(missing);
      return;
    }
    add(
        new Paragraph(
            getTranslation("jurisdiction." + now.patient().jurisdiction())
                + " · "
                + now.patient().site()),
        asOfSection(now),
        history(now),
        readers(),
        exports());
  }

  private Section asOfSection(ConsentQueries.PatientConsent now) {
    Section section =
        Sections.labelled(
            "patient-as-of", getTranslation("compliance.patient.asOf"), "portal-form");
    section.add(new Paragraph(getTranslation("compliance.patient.asOfIntro")));
    asOf.setLabel(getTranslation("compliance.patient.instant"));
    asOf.setId("as-of");
    asOf.setStep(java.time.Duration.ofMinutes(1));
    asOf.setValue(LocalDateTime.ofInstant(Instant.now(), NetworkTime.ZONE));
    Button show = new Button(getTranslation("compliance.patient.show"), event -> showState());
    show.setId("as-of-show");
    state.setId("patient-state");
    section.add(asOf, show, state);
    fill(now);
    return section;
  }

  private void showState() {
    if (asOf.getValue() == null) {
      asOf.setErrorMessage(getTranslation("compliance.patient.instantMissing"));
      asOf.setInvalid(true);
      return;
    }
    asOf.setInvalid(false);
    Instant instant = asOf.getValue().atZone(NetworkTime.ZONE).toInstant();
    fill(queries.state(caller, psn, instant.plus(59, ChronoUnit.SECONDS)));
  }

  private void fill(ConsentQueries.PatientConsent consent) {
    state.removeAll();
    Paragraph when = Sections.status("patient-state-when");
    when.setText(
        getTranslation(
            "compliance.patient.stateAt", NetworkTime.dateTime(consent.asOf(), getLocale())));
    UnorderedList list = new UnorderedList();
    list.addClassName("portal-cards");
    for (ConsentModule module : ConsentModule.values()) {
      ListItem item =
          new ListItem(
              getTranslation("module.title." + module.code())
                  + eu.clinnova.portal.ui.base.Punctuation.colon(getLocale())
                  + StateTexts.of(this, getLocale(), consent.states().get(module)));
      item.setId("patient-state-" + module.code());
      item.addClassName("portal-card");
      list.add(item);
    }
    state.add(when, list);
  }

  private Section history(ConsentQueries.PatientConsent consent) {
    Section section =
        Sections.labelled("patient-history", getTranslation("history.title"), "portal-form");
    section.add(ConsentTimeline.of(this, getLocale(), consent.history()));
    return section;
  }

  private Section readers() {
    Section section =
        Sections.labelled(
            "patient-reads", getTranslation("compliance.patient.reads"), "portal-form");
    UnorderedList list = new UnorderedList();
    list.addClassName("portal-cards");
    for (PersonalDataReads.LoggedRead read : reads.of(caller, psn)) {
      String role = getTranslation("role." + read.actorRole());
      String who =
          names
              .name(read.actorSub())
              .map(name -> getTranslation("audit.actorNamed", name, role))
              .orElseGet(() -> getTranslation("audit.actorId", role, read.actorSub()));
      ListItem item =
          new ListItem(
              getTranslation(
                  "compliance.patient.read",
                  NetworkTime.dateTime(read.at(), getLocale()),
                  who,
                  getTranslation("compliance.read.view." + read.view()),
                  read.auditIndex()));
      item.addClassName("portal-card");
      list.add(item);
    }
    section.add(list);
    return section;
  }

  private Section exports() {
    Section section =
        Sections.labelled(
            "patient-exports", getTranslation("compliance.patient.exports"), "portal-form");
    String apiBase = apiBase();
    Anchor fhirLink =
        Downloads.link(
            getTranslation("compliance.patient.fhir"),
            psn + "-consents.fhir.json",
            Fhir.MEDIA_TYPE,
            () -> {
              Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
              ConsentMapper.toFhir(queries.documents(caller, psn), apiBase)
                  .forEach(consent -> bundle.addEntry().setResource(consent));
              return fhir.json(bundle).getBytes(StandardCharsets.UTF_8);
            });
    fhirLink.setId("patient-fhir");
    section.add(fhirLink);
    return section;
  }

  /** Where the API answers, from the configured public address (never a request's Host). */
  private static String apiBase() {
    return eu.clinnova.portal.config.PortalEnvironment.current()
        .publicUrl()
        .resolve("api/")
        .toString();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("compliance.patients.title") + " · " + getTranslation("app.name");
  }
}
