package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.clinnova.consent.application.ImportRunner;
import eu.clinnova.consent.application.PatientEnrolment;
import eu.clinnova.consent.application.PatientImport;
import eu.clinnova.consent.application.PatientRegistry;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import eu.clinnova.portal.ui.base.Sections;
import eu.clinnova.portal.ui.base.SignedInUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A steward's patients: find them (by pseudonym, site, cohort, consent), enrol one (and hand them
 * their one-time activation code), or enrol a hospital's export in the background.
 */
@Route(value = "steward/patients", layout = MainLayout.class)
@RolesAllowed(Role.Names.DATA_STEWARD)
public class StewardPatientsView extends Main implements HasDynamicTitle {

  private final PatientEnrolment enrolment;
  private final Caller caller;

  @Inject
  public StewardPatientsView(
      PatientEnrolment enrolment,
      PatientRegistry registry,
      PatientImport imports,
      ImportRunner runner) {
    this.enrolment = enrolment;
    this.caller = SignedInUser.current().orElseThrow();
    setId("steward-patients");
    addClassName("portal-page");
    add(new H1(getTranslation("steward.title")), new Paragraph(getTranslation("steward.intro")));
    add(
        new PatientFinder(registry, caller, "steward/patient/"),
        enrol(),
        new PatientImportPanel(imports, runner, caller));
  }

  private Section enrol() {
    Section section = section("enrol", "steward.enrol.heading");
    TextField psn = new TextField(getTranslation("steward.psn"));
    psn.setId("enrol-psn");
    psn.setHelperText(getTranslation("steward.psnHelp"));
    psn.setRequired(true);
    Select<Jurisdiction> jurisdiction = new Select<>();
    jurisdiction.setId("enrol-jurisdiction");
    jurisdiction.setLabel(getTranslation("identity.jurisdictions"));
    jurisdiction.setItems(caller.jurisdictions());
    jurisdiction.setItemLabelGenerator(j -> getTranslation("jurisdiction." + j.name()));
    caller.jurisdictions().stream().findFirst().ifPresent(jurisdiction::setValue);
    TextField site = new TextField(getTranslation("steward.site"));
    site.setId("enrol-site");
    site.setRequired(true);
    CheckboxGroup<Patient.Cohort> cohorts = new CheckboxGroup<>(getTranslation("steward.cohorts"));
    cohorts.setId("enrol-cohorts");
    cohorts.setItems(Patient.Cohort.values());
    cohorts.setItemLabelGenerator(cohort -> getTranslation("cohort." + cohort.name()));
    Checkbox minor = new Checkbox(getTranslation("steward.minor"));
    minor.setId("enrol-minor");
    DatePicker adultOn =
        eu.clinnova.portal.ui.base.DatePickers.localised(
            new DatePicker(getTranslation("steward.adultOn")), this);
    adultOn.setId("enrol-adult-on");
    adultOn.setVisible(false);
    minor.addValueChangeListener(event -> adultOn.setVisible(event.getValue()));
    Paragraph result = new Paragraph();
    result.setId("enrol-result");
    result.getElement().setAttribute("role", "status");
    Button enrol = new Button(getTranslation("steward.enrol.button"));
    enrol.setId("enrol-button");
    enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    enrol.addClickListener(
        event -> {
          List<String> chosen = cohorts.getValue().stream().map(Enum::name).toList();
          List<FieldProblem> problems =
              Patient.check(
                  psn.getValue().strip(),
                  jurisdiction.getValue() == null ? null : jurisdiction.getValue().name(),
                  site.getValue(),
                  chosen,
                  minor.getValue(),
                  minor.getValue() && adultOn.getValue() != null
                      ? adultOn.getValue().toString()
                      : null);
          psn.setInvalid(false);
          site.setInvalid(false);
          cohorts.setInvalid(false);
          if (!problems.isEmpty()) {
            for (FieldProblem problem : problems) {
              switch (problem.field()) {
                case "psn" -> invalid(psn, problem.message());
                case "site" -> invalid(site, problem.message());
                case "cohorts" -> {
                  cohorts.setErrorMessage(problem.message());
                  cohorts.setInvalid(true);
                }
                default -> result.setText(problem.message());
              }
            }
            return;
          }
          Set<Patient.Cohort> set = EnumSet.copyOf(cohorts.getValue());
          Patient patient =
              new Patient(
                  psn.getValue().strip(),
                  jurisdiction.getValue().name(),
                  site.getValue().strip(),
                  set,
                  minor.getValue(),
                  minor.getValue() ? adultOn.getValue() : null);
          PatientEnrolment.Outcome outcome = enrolment.enrol(caller, patient);
          if (outcome instanceof PatientEnrolment.Outcome.Enrolled enrolled) {
            result.setText(
                getTranslation(
                    "steward.enrol.done",
                    patient.psn(),
                    enrolled.activation().map(code -> code.code()).orElse("")));
          } else if (outcome instanceof PatientEnrolment.Outcome.AlreadyEnrolled) {
            invalid(psn, getTranslation("steward.enrol.exists"));
          } else {
            result.setText(getTranslation("steward.enrol.notAllowed"));
          }
        });
    section.add(psn, jurisdiction, site, cohorts, minor, adultOn, enrol, result);
    return section;
  }

  private static void invalid(TextField field, String message) {
    field.setErrorMessage(message);
    field.setInvalid(true);
  }

  private Section section(String id, String headingKey) {
    return Sections.labelled(id, getTranslation(headingKey), "portal-form");
  }

  @Override
  public String getPageTitle() {
    return getTranslation("steward.title") + " · " + getTranslation("app.name");
  }
}
