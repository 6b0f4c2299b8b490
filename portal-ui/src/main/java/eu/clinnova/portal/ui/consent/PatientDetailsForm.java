package eu.clinnova.portal.ui.consent;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import eu.clinnova.consent.application.PatientRegistry;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.registry.PatientCorrection;
import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.ui.base.Sections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A steward corrects a patient's site, cohorts, whether they are a minor and the day they come of
 * age; each problem is shown at its field. {@code saved} gets the message to show once saved.
 */
final class PatientDetailsForm {

  private PatientDetailsForm() {}

  static Section of(
      Section section,
      PatientRegistry registry,
      Caller caller,
      Patient patient,
      Consumer<String> saved) {
    section.add(new Paragraph(section.getTranslation("steward.correct.intro")));
    TextField site = new TextField(section.getTranslation("steward.site"));
    site.setId("correct-site");
    site.setValue(patient.site());
    site.setMaxLength(100);
    site.setRequired(true);
    CheckboxGroup<Patient.Cohort> cohorts =
        new CheckboxGroup<>(section.getTranslation("steward.cohorts"));
    cohorts.setId("correct-cohorts");
    cohorts.setItems(Patient.Cohort.values());
    cohorts.setItemLabelGenerator(cohort -> section.getTranslation("cohort." + cohort.name()));
    cohorts.setValue(patient.cohorts());
    Checkbox minor = new Checkbox(section.getTranslation("steward.minor"));
    minor.setId("correct-minor");
    minor.setValue(patient.minor());
    DatePicker adultOn =
        eu.clinnova.portal.ui.base.DatePickers.localised(
            new DatePicker(section.getTranslation("steward.adultOn")), section);
    adultOn.setId("correct-adult-on");
    patient.majority().ifPresent(adultOn::setValue);
    adultOn.setVisible(patient.minor());
    minor.addValueChangeListener(event -> adultOn.setVisible(event.getValue()));
    Paragraph result = Sections.status("correct-result");
    Button save = new Button(section.getTranslation("steward.correct.save"));
    save.setId("correct-save");
    save.addClickListener(
        event -> {
          site.setInvalid(false);
          cohorts.setInvalid(false);
          adultOn.setInvalid(false);
          if (site.getValue().isBlank()) {
            invalid(site, section.getTranslation("steward.site.required"));
            return;
          }
          if (cohorts.getValue().isEmpty()) {
            cohorts.setErrorMessage(section.getTranslation("steward.cohorts.required"));
            cohorts.setInvalid(true);
            return;
          }
          PatientCorrection correction =
              new PatientCorrection(
                  Optional.of(site.getValue().strip()),
                  Optional.of(EnumSet.copyOf(cohorts.getValue())),
                  Optional.of(minor.getValue()),
                  PatientCorrection.Change.to(minor.getValue() ? adultOn.getValue() : null),
                  false);
          try {
            PatientRegistry.Corrected corrected =
                registry.correct(caller, patient.psn(), correction);
            saved.accept(
                section.getTranslation(
                    corrected.audit().isPresent()
                        ? "steward.correct.done"
                        : "steward.correct.nothing"));
          } catch (Refusal refusal) {
            result.setText(refusal.getMessage());
            for (FieldProblem problem : refusal.problems()) {
              if (problem.field().equals("majorityDate")) {
                adultOn.setErrorMessage(problem.message());
                adultOn.setInvalid(true);
              } else if (problem.field().equals("site")) {
                invalid(site, problem.message());
              }
            }
          }
        });
    section.add(site, cohorts, minor, adultOn, save, result);
    return section;
  }

  private static void invalid(TextField field, String message) {
    field.setErrorMessage(message);
    field.setInvalid(true);
    field.focus();
  }
}
