package eu.clinnova.release;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a node asks: may the data of these subjects of this dataset go to this recipient under this
 * application? At most {@value #MAX_SUBJECTS} subjects, each a well-formed pseudonym, none twice.
 */
public record ReleaseRequest(
    UUID applicationId, String datasetId, String recipient, List<String> subjects) {

  public static final int MAX_SUBJECTS = 100_000;

  /** Ids go into the audit entry, whose values are codes of at most 200 characters. */
  static final int MAX_ID_LENGTH = 200;

  public ReleaseRequest {
    subjects = List.copyOf(subjects);
  }

  /** The request, or every problem of the body at once (field errors for problem details). */
  public sealed interface Parsed {
    record Valid(ReleaseRequest request) implements Parsed {}

    record Invalid(List<FieldProblem> problems) implements Parsed {}

    /** More subjects than one request may name (the API answers 413). */
    record TooMany(int count) implements Parsed {}
  }

  public static Parsed parse(JsonObject body) {
    List<FieldProblem> problems = new ArrayList<>();
    UUID application = null;
    Optional<String> applicationText = text(body, "applicationId");
    try {
      application = applicationText.map(UUID::fromString).orElse(null);
    } catch (IllegalArgumentException e) {
      application = null;
    }
    if (application == null) {
      problems.add(new FieldProblem("applicationId", "must be an application id (a UUID)"));
    }
    Optional<String> dataset = text(body, "datasetId");
    if (dataset.isEmpty() || dataset.get().length() > MAX_ID_LENGTH) {
      problems.add(
          new FieldProblem(
              "datasetId", "must be a dataset id (1 to " + MAX_ID_LENGTH + " characters)"));
    }
    Optional<String> recipient = text(body, "recipient");
    if (recipient.isEmpty() || recipient.get().length() > MAX_ID_LENGTH) {
      problems.add(
          new FieldProblem(
              "recipient",
              "must be the researcher's id as GET /entitlements gives it (1 to "
                  + MAX_ID_LENGTH
                  + " characters)"));
    }
    List<String> subjects = new ArrayList<>();
    JsonValue list = body.get("subjects");
    if (list instanceof JsonArray array && array.size() > MAX_SUBJECTS) {
      return new Parsed.TooMany(array.size());
    }
    if (!(list instanceof JsonArray array) || array.isEmpty()) {
      problems.add(new FieldProblem("subjects", "must be a non-empty list of pseudonyms"));
    } else {
      Set<String> seen = new HashSet<>(array.size() * 4 / 3 + 1);
      subjects = new ArrayList<>(array.size());
      int reported = 0;
      for (int i = 0; i < array.size() && reported < 20; i++) {
        String psn = array.get(i) instanceof JsonString text ? text.getString() : null;
        if (psn == null || !Patient.isPseudonym(psn)) {
          problems.add(new FieldProblem("subjects[" + i + "]", "is not a pseudonym"));
          reported++;
        } else if (!seen.add(psn)) {
          problems.add(new FieldProblem("subjects[" + i + "]", "is named twice: " + psn));
          reported++;
        } else {
          subjects.add(psn);
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Parsed.Invalid(problems);
    }
    return new Parsed.Valid(
        new ReleaseRequest(application, dataset.get(), recipient.get(), subjects));
  }

  private static Optional<String> text(JsonObject body, String field) {
    return body.get(field) instanceof JsonString text && !text.getString().isBlank()
        ? Optional.of(text.getString())
        : Optional.empty();
  }
}
