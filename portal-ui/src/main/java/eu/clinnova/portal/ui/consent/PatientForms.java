package eu.clinnova.portal.ui.consent;

import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.form.ConsentForm;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which form a patient answers, and in which language they read it. */
final class PatientForms {

  private PatientForms() {}

  /**
   * The current version of the form the patient's latest consent used, else the first active form
   * of their jurisdiction.
   */
  static Optional<ConsentForm> formFor(
      String jurisdiction, List<RecordEntry> history, List<ConsentForm> active) {
    Optional<String> used =
        history.stream()
            .map(RecordEntry::record)
            .filter(record -> record.formId() != null)
            .map(record -> record.formId())
            .findFirst();
    if (used.isPresent()) {
      Optional<ConsentForm> same =
          active.stream().filter(form -> form.id().equals(used.get())).findFirst();
      if (same.isPresent()) {
        return same;
      }
    }
    return active.stream()
        .filter(form -> form.jurisdiction().equals(jurisdiction))
        .min(Comparator.comparing(ConsentForm::id));
  }

  /** The UI's language if the form has it, else English. */
  static String language(ConsentForm form, String uiLanguage) {
    return form.offers(uiLanguage) ? uiLanguage : "en";
  }
}
