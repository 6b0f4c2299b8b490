package eu.clinnova.portal.api.applications;

import eu.clinnova.consent.application.WholeNumber;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.portal.api.QueryParameters;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.workflow.application.AgreementAcceptance;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationFilter;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.EthicsDeclaration;
import eu.clinnova.workflow.review.TaskOutcome;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API's request bodies read into the services' typed commands. Only the JSON is read here: what
 * a value means, and whether the caller may give it, the service decides (after it knows whose
 * application it is).
 */
final class ApplicationCommands {

  private ApplicationCommands() {}

  /** The body of POST and PUT /applications: the document, parsed, or what is wrong with it. */
  static ApplicationDocument.Parsed draft(JsonObject body) {
    return ApplicationDocument.parse(ApplicationResource.required(body));
  }

  /** The body of POST /applications/{id}/ethics-approvals. */
  static EthicsDeclaration ethicsDeclaration(JsonObject body) {
    JsonObject json = ApplicationResource.required(body);
    return new EthicsDeclaration(
        text(json, "jurisdiction"),
        text(json, "committee"),
        text(json, "reference"),
        text(json, "validFrom"),
        text(json, "validUntil"),
        text(json, "attachmentId"));
  }

  /** The body of POST /applications/{id}/agreement. */
  static AgreementAcceptance.Answer agreementAnswer(JsonObject body) {
    JsonObject json = ApplicationResource.required(body);
    return new AgreementAcceptance.Answer(
        json.get("accepted") == JsonValue.TRUE,
        WholeNumber.within(json.get("agreementVersion"), 1, Integer.MAX_VALUE));
  }

  /** The body of POST /tasks/{id}/complete. */
  static TaskOutcome taskOutcome(JsonObject body) {
    JsonObject json = ApplicationResource.required(body);
    List<FieldProblem> malformed = new ArrayList<>();
    JsonValue conflict = json.get("conflictOfInterest");
    if (conflict != null
        && conflict != JsonValue.TRUE
        && conflict != JsonValue.FALSE
        && conflict != JsonValue.NULL) {
      malformed.add(new FieldProblem("conflictOfInterest", "must be true or false"));
    }
    return new TaskOutcome(
        text(json, "outcome"),
        conflict == JsonValue.TRUE,
        optionalText(json, "comment", malformed),
        optionalText(json, "conditions", malformed),
        malformed);
  }

  /** An optional text: absent or null is none; anything but text is malformed. */
  private static Optional<String> optionalText(
      JsonObject json, String field, List<FieldProblem> malformed) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonString text) {
      return Optional.of(text.getString());
    }
    malformed.add(new FieldProblem(field, TaskOutcome.textRule()));
    return Optional.empty();
  }

  /** A text field's value; null where it is absent or not text (the service says what is due). */
  private static String text(JsonObject json, String field) {
    return json.get(field) instanceof JsonString value ? value.getString() : null;
  }

  /** A listing's filter from its query parameters; each bad one is added to {@code errors}. */
  static ApplicationFilter filter(
      String state,
      String jurisdiction,
      String dataset,
      String changedFrom,
      String changedBefore,
      String title,
      List<Problem.FieldError> errors) {
    Optional<ApplicationState> wanted = Optional.empty();
    if (QueryParameters.text(state).isPresent()) {
      try {
        wanted = Optional.of(ApplicationState.fromCode(state.strip()));
      } catch (IllegalArgumentException e) {
        errors.add(
            new Problem.FieldError(
                "state",
                "must be one of draft, submitted, returned, under-review, approved, rejected,"
                    + " withdrawn, closed"));
      }
    }
    Optional<String> where = QueryParameters.text(jurisdiction);
    if (where.isPresent() && !Jurisdiction.isCode(where.get())) {
      errors.add(new Problem.FieldError("jurisdiction", "must be one of LU, FR, DE, CH"));
    }
    Optional<String> words = QueryParameters.text(title);
    if (words.isPresent() && words.get().length() > ApplicationDocument.MAX_TITLE) {
      errors.add(
          new Problem.FieldError(
              "q", "must be at most " + ApplicationDocument.MAX_TITLE + " characters"));
    }
    Optional<String> set = QueryParameters.text(dataset);
    if (set.isPresent() && set.get().length() > 61) {
      errors.add(new Problem.FieldError("dataset", "must be a dataset id"));
    }
    return new ApplicationFilter(
        wanted,
        where,
        set,
        QueryParameters.instant("changedFrom", changedFrom, errors),
        QueryParameters.instant("changedBefore", changedBefore, errors),
        words);
  }
}
