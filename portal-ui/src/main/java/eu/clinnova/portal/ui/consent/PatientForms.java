package eu.clinnova.portal.ui.consent;

import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.PatientForm;
import java.util.List;
import java.util.Optional;

/** Which form a patient answers, and in which language they read it ({@link PatientForm}). */
final class PatientForms {

  private PatientForms() {}

  static Optional<ConsentForm> formFor(
      String jurisdiction, List<RecordEntry> history, List<ConsentForm> active) {
    return PatientForm.of(jurisdiction, history, active);
  }

  /** The UI's language if the form has it, else English. */
  static String language(ConsentForm form, String uiLanguage) {
    return PatientForm.language(form, uiLanguage);
  }
}
