package eu.clinnova.workflow.application;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.WholeNumber;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the applicant writes: title, lay summary, purpose, datasets, team and duration. A draft is
 * saved as it is typed, so every field may still be missing; what is there must have the right
 * shape ({@link #parse}). Whether it is complete enough to submit is {@link SubmissionChecklist}'s
 * question.
 */
public record ApplicationDocument(
    Optional<String> title,
    Optional<String> laySummary,
    Optional<Purpose> purpose,
    List<String> datasets,
    List<TeamMember> team,
    Optional<Integer> durationMonths) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 4000;
  public static final int MAX_DESCRIPTION = 4000;
  public static final int MAX_DURATION_MONTHS = 60;
  public static final int MAX_DATASETS = 50;
  public static final int MAX_TEAM = 50;
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}$");

  public ApplicationDocument {
    datasets = List.copyOf(datasets);
    team = List.copyOf(team);
  }

  /** A document, or every shape problem of the body at once. */
  public sealed interface Parsed {
    record Valid(ApplicationDocument document) implements Parsed {}

    record Invalid(List<FieldProblem> problems) implements Parsed {}
  }

  public static ApplicationDocument empty() {
    return new ApplicationDocument(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  public static Parsed parse(JsonObject json) {
    List<FieldProblem> problems = new ArrayList<>();
    Optional<String> title = text(json, "title", MAX_TITLE, problems);
    Optional<String> summary = text(json, "laySummary", MAX_SUMMARY, problems);
    Optional<Purpose> purpose = purpose(json, problems);
    List<String> datasets = datasets(json, problems);
    List<TeamMember> team = team(json, problems);
    Optional<Integer> duration = Optional.empty();
    JsonValue months = json.get("durationMonths");
    if (months != null && months != JsonValue.NULL) {
      duration = WholeNumber.within(months, 1, MAX_DURATION_MONTHS);
      if (duration.isEmpty()) {
        problems.add(
            new FieldProblem(
                "durationMonths",
                "must be a whole number of months from 1 to " + MAX_DURATION_MONTHS));
      }
    }
    if (!problems.isEmpty()) {
      return new Parsed.Invalid(problems);
    }
    return new Parsed.Valid(
        new ApplicationDocument(title, summary, purpose, datasets, team, duration));
  }

  /** The document as the API shows it and as it is stored (absent fields are left out). */
  public JsonObject json() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    title.ifPresent(value -> json.add("title", value));
    laySummary.ifPresent(value -> json.add("laySummary", value));
    purpose.ifPresent(
        value -> {
          JsonObjectBuilder p =
              JSON.createObjectBuilder()
                  .add("duo", JSON.createArrayBuilder(value.duo()))
                  .add("description", value.description())
                  .add("commercial", value.commercial())
                  .add("forProfit", value.forProfit())
                  .add("genetic", value.genetic())
                  .add("methodsDevelopment", value.methodsDevelopment());
          value.aiTrainingAnswer().ifPresent(answer -> p.add("aiTraining", answer));
          value.disease().ifPresent(disease -> p.add("disease", disease));
          json.add("purpose", p);
        });
    json.add("datasets", JSON.createArrayBuilder(datasets));
    JsonArrayBuilder members = JSON.createArrayBuilder();
    team.forEach(
        member ->
            members.add(
                JSON.createObjectBuilder()
                    .add("name", member.name())
                    .add("email", member.email())
                    .add("affiliation", member.affiliation())));
    json.add("team", members);
    durationMonths.ifPresent(value -> json.add("durationMonths", value));
    return json.build();
  }

  private static Optional<String> text(
      JsonObject json, String field, int max, List<FieldProblem> problems) {
    return text(json, field, field, max, problems);
  }

  private static Optional<String> text(
      JsonObject json, String field, String path, int max, List<FieldProblem> problems) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonString string)) {
      problems.add(new FieldProblem(path, "must be text"));
      return Optional.empty();
    }
    if (string.getString().length() > max) {
      problems.add(new FieldProblem(path, "must be at most " + max + " characters"));
      return Optional.empty();
    }
    return string.getString().isBlank()
        ? Optional.empty()
        : Optional.of(string.getString().strip());
  }

  private static Optional<Purpose> purpose(JsonObject json, List<FieldProblem> problems) {
    JsonValue value = json.get("purpose");
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject purpose)) {
      problems.add(new FieldProblem("purpose", "must be an object {duo, description}"));
      return Optional.empty();
    }
    List<String> duo = new ArrayList<>();
    JsonValue terms = purpose.get("duo");
    if (terms instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        Optional<DuoTerm> term =
            array.get(i) instanceof JsonString code
                ? DuoTerm.of(code.getString())
                : Optional.empty();
        if (term.isEmpty()) {
          problems.add(
              new FieldProblem("purpose.duo[" + i + "]", "is not a DUO term the network uses"));
        } else {
          duo.add(term.get().curie());
        }
      }
    } else if (terms != null && terms != JsonValue.NULL) {
      problems.add(new FieldProblem("purpose.duo", "must be a list of DUO terms"));
    }
    Optional<String> disease =
        text(purpose, "disease", "purpose.disease", 20, problems)
            .filter(
                term -> {
                  if (Diseases.known(term)) {
                    return true;
                  }
                  problems.add(
                      new FieldProblem(
                          "purpose.disease",
                          "must be a MONDO term of the network's disease areas"));
                  return false;
                });
    String description =
        text(purpose, "description", "purpose.description", MAX_DESCRIPTION, problems).orElse("");
    return Optional.of(
        new Purpose(
            List.copyOf(new LinkedHashSet<>(duo)),
            disease,
            description,
            flag(purpose, "commercial", problems),
            flag(purpose, "forProfit", problems),
            flag(purpose, "genetic", problems),
            flag(purpose, "methodsDevelopment", problems),
            answer(purpose, "aiTraining", problems)));
  }

  /** A yes/no the applicant must give explicitly: absent (or null) is not answered yet. */
  private static Optional<Boolean> answer(
      JsonObject purpose, String field, List<FieldProblem> problems) {
    JsonValue value = purpose.get(field);
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    return Optional.of(flag(purpose, field, problems));
  }

  private static boolean flag(JsonObject purpose, String field, List<FieldProblem> problems) {
    JsonValue value = purpose.get(field);
    if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
      return false;
    }
    if (value == JsonValue.TRUE) {
      return true;
    }
    problems.add(new FieldProblem("purpose." + field, "must be true or false"));
    return false;
  }

  private static List<String> datasets(JsonObject json, List<FieldProblem> problems) {
    JsonValue value = json.get("datasets");
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > MAX_DATASETS) {
      problems.add(
          new FieldProblem(
              "datasets", "must be a list of at most " + MAX_DATASETS + " dataset ids"));
      return List.of();
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString id && !id.getString().isBlank()) {
        if (!ids.add(id.getString())) {
          problems.add(new FieldProblem("datasets[" + i + "]", "is named twice"));
        }
      } else {
        problems.add(new FieldProblem("datasets[" + i + "]", "must be a dataset id"));
      }
    }
    return List.copyOf(ids);
  }

  private static List<TeamMember> team(JsonObject json, List<FieldProblem> problems) {
    JsonValue value = json.get("team");
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > MAX_TEAM) {
      problems.add(new FieldProblem("team", "must be a list of at most " + MAX_TEAM + " members"));
      return List.of();
    }
    List<TeamMember> team = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "team[" + i + "]";
      if (!(array.get(i) instanceof JsonObject member)) {
        problems.add(new FieldProblem(path, "must be {name, email, affiliation}"));
        continue;
      }
      String name = text(member, "name", path + ".name", 200, problems).orElse("");
      String email = text(member, "email", path + ".email", 254, problems).orElse("");
      String affiliation =
          text(member, "affiliation", path + ".affiliation", 200, problems).orElse("");
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        problems.add(new FieldProblem(path + ".email", "is not an e-mail address"));
      }
      team.add(new TeamMember(name, email, affiliation));
    }
    return team;
  }

  /** Reads a stored document (written by {@link #json()}, so valid). */
  public static ApplicationDocument stored(JsonObject json) {
    Parsed parsed = parse(json);
    if (parsed instanceof Parsed.Valid valid) {
      return valid.document();
    }
    throw new IllegalStateException("a stored application document is invalid: " + parsed);
  }

  /** Field by field, what differs between two documents (for reviewers after a return). */
  public static List<String> changedFields(ApplicationDocument before, ApplicationDocument after) {
    JsonObject a = before.json();
    JsonObject b = after.json();
    List<String> changed = new ArrayList<>();
    for (String field :
        List.of("title", "laySummary", "purpose", "datasets", "team", "durationMonths")) {
      if (!java.util.Objects.equals(a.get(field), b.get(field))) {
        changed.add(field);
      }
    }
    return changed;
  }
}
