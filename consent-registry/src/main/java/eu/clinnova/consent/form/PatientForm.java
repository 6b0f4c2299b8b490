package eu.clinnova.consent.form;

import eu.clinnova.consent.domain.RecordEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which form a patient answers, and in which language they read it. */
public final class PatientForm {

  private PatientForm() {}

  /**
   * The current version of the form the patient's latest consent used, else the first active form
   * of their jurisdiction.
   *
   * @param history the patient's records, newest first
   */
  public static Optional<ConsentForm> of(
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

  /** {@code wanted} if the form has it, else English. */
  public static String language(ConsentForm form, String wanted) {
    return form.offers(wanted) ? wanted : "en";
  }
}
