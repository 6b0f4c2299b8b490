package eu.clinnova.workflow.catalogue;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.WholeNumber;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A dataset as JSON both ways; parsing says everything that is wrong at once. */
public final class DatasetDocument {

  static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{2,60}$");
  static final Set<String> COHORTS = Set.of("IBD", "RA", "MS");
  static final Set<String> MODULES =
      Set.of(
          "CLINICAL-DATA",
          "BROAD-HEALTH",
          "SAMPLES",
          "GENETIC",
          "AI-TRAINING",
          "CROSS-BORDER",
          "COMMERCIAL",
          "RECONTACT",
          "FINDINGS");

  private DatasetDocument() {}

  /** One invalid field and why. */
  public record Problem(String field, String message) {}

  /** The dataset, or what is wrong with the document. */
  public sealed interface Parsed {
    record Valid(Dataset dataset) implements Parsed {}

    record Invalid(List<Problem> problems) implements Parsed {}
  }

  /**
   * A document as the API receives it: the dataset, not yet published (its instant is the epoch
   * until {@link DatasetCatalogue#publish} stamps it), or what is wrong with it.
   */
  public static Parsed parse(JsonObject json) {
    return parse(json, Instant.EPOCH);
  }

  /**
   * A dataset's fields as given, before they are checked: a view fills them from its inputs, the
   * API from the request's JSON (null for what is absent).
   */
  public record Fields(
      String id,
      String title,
      String description,
      String jurisdiction,
      String cohort,
      List<String> duo,
      String disease,
      List<String> requiredModules,
      Integer timeLimitMonths,
      Integer subjects) {

    public Fields {
      duo = duo == null ? List.of() : List.copyOf(duo);
      requiredModules = requiredModules == null ? List.of() : List.copyOf(requiredModules);
    }
  }

  public static Parsed parse(JsonObject json, Instant publishedAt) {
    List<Problem> problems = new ArrayList<>();
    Fields fields =
        new Fields(
            string(json, "id"),
            string(json, "title"),
            string(json, "description"),
            string(json, "jurisdiction"),
            string(json, "cohort"),
            strings(json, "duo", problems),
            string(json, "disease"),
            strings(json, "requiredModules", problems),
            integer(json, "timeLimitMonths", problems),
            integer(json, "subjects", problems));
    return check(fields, publishedAt, problems);
  }

  /** The dataset the fields describe, not yet published, or what is wrong with them. */
  public static Parsed check(Fields fields) {
    return check(fields, Instant.EPOCH, new ArrayList<>());
  }

  private static Parsed check(Fields fields, Instant publishedAt, List<Problem> problems) {
    String id = fields.id();
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(new Problem("id", "must be 3 to 61 lower-case letters, digits or dashes"));
    }
    String title = fields.title();
    if (title == null || title.isBlank() || title.length() > 200) {
      problems.add(new Problem("title", "must be given, at most 200 characters"));
    }
    String description = Optional.ofNullable(fields.description()).orElse("");
    if (description.length() > 2000) {
      problems.add(new Problem("description", "must be at most 2000 characters"));
    }
    String jurisdiction = fields.jurisdiction();
    if (jurisdiction == null || !Jurisdiction.isCode(jurisdiction)) {
      problems.add(new Problem("jurisdiction", "must be one of LU, FR, DE, CH"));
    }
    String cohort = fields.cohort();
    if (cohort == null || !COHORTS.contains(cohort)) {
      problems.add(new Problem("cohort", "must be one of IBD, RA, MS"));
    }
    DuoTerm permission = null;
    Set<DuoTerm> modifiers = EnumSet.noneOf(DuoTerm.class);
    for (String code : fields.duo()) {
      Optional<DuoTerm> term = DuoTerm.of(code);
      if (term.isEmpty()) {
        problems.add(new Problem("duo", "unknown DUO term " + code));
      } else if (term.get().isPermission()) {
        if (permission != null) {
          problems.add(new Problem("duo", "names two permissions: " + permission + ", " + code));
        } else {
          permission = term.get();
        }
      } else {
        modifiers.add(term.get());
      }
    }
    if (permission == null) {
      problems.add(new Problem("duo", "must name one permission: GRU, HMB, DS or POA"));
    }
    String disease = fields.disease();
    if (permission == DuoTerm.DS && (disease == null || !Diseases.known(disease))) {
      problems.add(
          new Problem("disease", "DS needs a known MONDO disease, for example " + Diseases.CROHN));
    } else if (permission != DuoTerm.DS && disease != null) {
      problems.add(new Problem("disease", "is given for DS only"));
    }
    List<String> required = fields.requiredModules();
    if (required.isEmpty()) {
      problems.add(new Problem("requiredModules", "must name at least one consent module"));
    }
    for (String module : required) {
      if (!MODULES.contains(module)) {
        problems.add(new Problem("requiredModules", "unknown module " + module));
      }
    }
    Integer limit = fields.timeLimitMonths();
    if (modifiers.contains(DuoTerm.TS) != (limit != null)) {
      problems.add(new Problem("timeLimitMonths", "is given exactly when TS is a modifier"));
    }
    Integer subjects = fields.subjects();
    if (subjects != null && subjects < 0) {
      problems.add(new Problem("subjects", "must be 0 or more"));
    }
    if (!problems.isEmpty()) {
      return new Parsed.Invalid(problems);
    }
    return new Parsed.Valid(
        new Dataset(
            id,
            title.strip(),
            description.strip(),
            jurisdiction,
            cohort,
            new DataUse(permission, Optional.ofNullable(disease), modifiers),
            required,
            Optional.ofNullable(limit),
            subjects == null ? 0 : subjects,
            publishedAt));
  }

  public static JsonObject json(Dataset dataset) {
    JsonArrayBuilder duo = JSON.createArrayBuilder();
    dataset.duo().forEach(duo::add);
    JsonArrayBuilder required = JSON.createArrayBuilder();
    dataset.requiredModules().forEach(required::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", dataset.id())
            .add("title", dataset.title())
            .add("description", dataset.description())
            .add("jurisdiction", dataset.jurisdiction())
            .add("node", dataset.node())
            .add("cohort", dataset.cohort())
            .add("duo", duo)
            .add("requiredModules", required)
            .add("subjects", dataset.subjects());
    dataset
        .use()
        .disease()
        .ifPresent(
            disease -> json.add("disease", disease).add("diseaseName", Diseases.name(disease)));
    dataset.timeLimitMonths().ifPresent(months -> json.add("timeLimitMonths", months));
    return json.build();
  }

  private static String string(JsonObject json, String name) {
    return json.get(name) instanceof JsonString text ? text.getString() : null;
  }

  private static List<String> strings(JsonObject json, String name, List<Problem> problems) {
    List<String> values = new ArrayList<>();
    if (!(json.get(name) instanceof JsonArray array)) {
      if (json.containsKey(name)) {
        problems.add(new Problem(name, "must be a list of codes"));
      }
      return values;
    }
    for (JsonValue value : array) {
      if (value instanceof JsonString text) {
        values.add(text.getString());
      } else {
        problems.add(new Problem(name, "must be a list of codes"));
      }
    }
    return values;
  }

  private static Integer integer(JsonObject json, String name, List<Problem> problems) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    Optional<Integer> whole = WholeNumber.within(value, 0, 100_000_000);
    if (whole.isPresent()) {
      return whole.get();
    }
    problems.add(new Problem(name, "must be a whole number from 0 to 100,000,000"));
    return null;
  }

  static Map<String, Object> auditData(Dataset dataset) {
    return Map.of(
        "datasetId", dataset.id(),
        "jurisdiction", dataset.jurisdiction(),
        "cohort", dataset.cohort(),
        "duo", dataset.duo(),
        "requiredModules", dataset.requiredModules());
  }
}
