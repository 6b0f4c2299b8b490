package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.form.ConsentForm;
import java.util.List;
import java.util.Optional;

/**
 * The form a request names, checked against the patient and the form's latest version: the
 * patient's jurisdiction, the version shown (an outdated one is a conflict, not a typo) and a
 * language it offers. Problems are added to the list; the form is answered when there is one.
 */
final class RequestedForm {

  private RequestedForm() {}

  /** {@code latest} is the latest version of the form the request names, if it names one. */
  static ConsentForm check(
      Optional<ConsentForm> latest,
      Patient patient,
      ConsentRequest request,
      List<FieldProblem> problems) {
    if (request.formId() == null) {
      problems.add(new FieldProblem("formId", "must name a consent form"));
      return null;
    }
    if (latest.isEmpty()) {
      problems.add(new FieldProblem("formId", "no form " + request.formId()));
      return null;
    }
    ConsentForm form = latest.get();
    if (!form.jurisdiction().equals(patient.jurisdiction())) {
      problems.add(
          new FieldProblem(
              "formId",
              "form "
                  + form.id()
                  + " is for "
                  + form.jurisdiction()
                  + ", the patient is in "
                  + patient.jurisdiction()));
    }
    if (request.formVersion() == null) {
      problems.add(new FieldProblem("formVersion", "must be given"));
    } else if (request.formVersion() != form.version()) {
      if (request.formVersion() > 0 && request.formVersion() < form.version()) {
        throw Refusal.conflict(
            "form-version-outdated",
            "Version "
                + request.formVersion()
                + " of form "
                + form.id()
                + " has been replaced: the current version is "
                + form.version()
                + ".");
      }
      problems.add(
          new FieldProblem(
              "formVersion", "form " + form.id() + " has no version " + request.formVersion()));
    }
    if (request.language() == null || !form.offers(request.language())) {
      problems.add(new FieldProblem("language", "must be one of " + form.languages()));
    }
    return form;
  }
}
