package eu.clinnova.consent.form;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Jurisdiction;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A form as JSON, both ways: what an administrator publishes ({@link #parse}, which says everything
 * that is wrong at once) and what clients read ({@link #json}).
 */
public final class FormDocument {

  /** Languages a form may have; English, French and German are required. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "de", "lb", "it");

  public static final List<String> REQUIRED_LANGUAGES = List.of("en", "fr", "de");

  static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{2,60}$");
  static final Pattern DUO = Pattern.compile("^DUO:\\d{7}$");

  private FormDocument() {}

  /** The form in {@code json}, or the list of what is wrong with it. */
  public sealed interface Parsed {
    record Valid(ConsentForm form) implements Parsed {}

    record Invalid(List<FieldProblem> problems) implements Parsed {}
  }

  /**
   * A document as the API receives it: the form, not yet published (its instant is the epoch until
   * {@code ConsentForms.publish} stamps it), or what is wrong with it.
   */
  public static Parsed parse(JsonObject json) {
    return parse(json, Instant.EPOCH);
  }

  /**
   * A form put together field by field (the administrator's editor) checked as the API checks a
   * document: the same rules and the same field names in the problems.
   */
  public static Parsed check(ConsentForm candidate) {
    return parse(json(candidate), candidate.publishedAt());
  }

  public static Parsed parse(JsonObject json, Instant publishedAt) {
    List<FieldProblem> problems = new ArrayList<>();
    String id = string(json, "id");
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(new FieldProblem("id", "must be 3 to 61 lower-case letters, digits or dashes"));
    }
    Integer version = positiveInt(json, "version");
    if (version == null) {
      problems.add(new FieldProblem("version", "must be a whole number from 1"));
    }
    String jurisdiction = string(json, "jurisdiction");
    if (jurisdiction == null || !Jurisdiction.isCode(jurisdiction)) {
      problems.add(new FieldProblem("jurisdiction", "must be one of LU, FR, DE, CH"));
    }
    FormChange change = change(json, version, problems);
    List<String> languages = languages(json, problems);
    Map<String, String> title = texts(json, "title", languages, 200, problems);
    Map<String, String> intro = texts(json, "intro", languages, 4000, problems);
    List<FormModule> modules = modules(json, languages, problems);
    if (!problems.isEmpty()) {
      return new Parsed.Invalid(problems);
    }
    return new Parsed.Valid(
        new ConsentForm(
            id, version, jurisdiction, change, languages, title, intro, modules, publishedAt));
  }

  private static FormChange change(JsonObject json, Integer version, List<FieldProblem> problems) {
    String change = string(json, "change");
    if (version != null && version == 1) {
      if (change != null && !"initial".equals(change)) {
        problems.add(new FieldProblem("change", "the first version of a form changes nothing"));
      }
      return FormChange.INITIAL;
    }
    if ("minor".equals(change)) {
      return FormChange.MINOR;
    }
    if ("major".equals(change)) {
      return FormChange.MAJOR;
    }
    problems.add(
        new FieldProblem(
            "change",
            "must be \"minor\" (wording: consent stands) or \"major\" (patients are asked again)"));
    return null;
  }

  private static List<String> languages(JsonObject json, List<FieldProblem> problems) {
    List<String> languages = new ArrayList<>();
    if (!(json.get("languages") instanceof jakarta.json.JsonArray array)) {
      problems.add(new FieldProblem("languages", "must list the form's languages"));
      return languages;
    }
    for (JsonValue value : array) {
      String language = value instanceof JsonString text ? text.getString() : null;
      if (language == null || !LANGUAGES.contains(language)) {
        problems.add(
            new FieldProblem("languages", "unknown language " + value + ": use " + LANGUAGES));
      } else if (languages.contains(language)) {
        problems.add(new FieldProblem("languages", "lists " + language + " twice"));
      } else {
        languages.add(language);
      }
    }
    for (String required : REQUIRED_LANGUAGES) {
      if (!languages.contains(required)) {
        problems.add(new FieldProblem("languages", "must include " + required));
      }
    }
    return languages;
  }

  private static List<FormModule> modules(
      JsonObject json, List<String> languages, List<FieldProblem> problems) {
    List<FormModule> modules = new ArrayList<>();
    if (!(json.get("modules") instanceof jakarta.json.JsonArray array) || array.isEmpty()) {
      problems.add(new FieldProblem("modules", "must list at least one module"));
      return modules;
    }
    Set<ConsentModule> seen = EnumSet.noneOf(ConsentModule.class);
    for (int i = 0; i < array.size(); i++) {
      String field = "modules[" + i + "]";
      if (!(array.get(i) instanceof JsonObject module)) {
        problems.add(new FieldProblem(field, "must be an object"));
        continue;
      }
      String code = string(module, "code");
      ConsentModule known = code == null ? null : ConsentModule.fromCode(code).orElse(null);
      if (known == null) {
        problems.add(
            new FieldProblem(
                field + ".code", "unknown module " + code + ": use one of the network's modules"));
      } else if (!seen.add(known)) {
        problems.add(new FieldProblem(field + ".code", "module " + code + " appears twice"));
      }
      boolean required = module.get("required") == JsonValue.TRUE;
      if (module.containsKey("required")
          && module.get("required") != JsonValue.TRUE
          && module.get("required") != JsonValue.FALSE) {
        problems.add(new FieldProblem(field + ".required", "must be true or false"));
      }
      List<String> duo = new ArrayList<>();
      if (module.containsKey("duo")) {
        if (!(module.get("duo") instanceof jakarta.json.JsonArray terms)) {
          problems.add(new FieldProblem(field + ".duo", "must be a list of DUO terms"));
        } else {
          for (JsonValue term : terms) {
            String value = term instanceof JsonString text ? text.getString() : null;
            if (value == null || !DUO.matcher(value).matches()) {
              problems.add(new FieldProblem(field + ".duo", "must be DUO terms like DUO:0000007"));
            } else {
              duo.add(value);
            }
          }
        }
      }
      Map<String, String> title = texts(module, "title", languages, 200, problems, field);
      Map<String, String> text = texts(module, "text", languages, 4000, problems, field);
      if (known != null) {
        modules.add(new FormModule(known, required, duo, title, text));
      }
    }
    return modules;
  }

  private static Map<String, String> texts(
      JsonObject json, String name, List<String> languages, int max, List<FieldProblem> problems) {
    return texts(json, name, languages, max, problems, null);
  }

  private static Map<String, String> texts(
      JsonObject json,
      String name,
      List<String> languages,
      int max,
      List<FieldProblem> problems,
      String parent) {
    String field = parent == null ? name : parent + "." + name;
    Map<String, String> texts = new LinkedHashMap<>();
    JsonObject byLanguage = json.get(name) instanceof JsonObject object ? object : null;
    for (String language : languages) {
      String text = byLanguage == null ? null : string(byLanguage, language);
      if (text == null || text.isBlank()) {
        problems.add(new FieldProblem(field + "." + language, "must be given"));
      } else if (text.length() > max) {
        problems.add(
            new FieldProblem(field + "." + language, "must be at most " + max + " characters"));
      } else {
        texts.put(language, text.strip());
      }
    }
    if (byLanguage != null) {
      for (String language : byLanguage.keySet()) {
        if (!languages.contains(language)) {
          problems.add(
              new FieldProblem(field + "." + language, "is not one of the form's languages"));
        }
      }
    }
    return texts;
  }

  private static String string(JsonObject json, String name) {
    return json.get(name) instanceof JsonString text ? text.getString() : null;
  }

  private static Integer positiveInt(JsonObject json, String name) {
    if (json.get(name) instanceof JsonNumber number
        && number.isIntegral()
        && number.bigDecimalValue().signum() > 0
        && number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(1_000_000)) < 0) {
      return number.intValue();
    }
    return null;
  }

  /** The form as the API shows it, with each language's text hash. */
  public static JsonObject json(ConsentForm form) {
    JsonArrayBuilder modules = JSON.createArrayBuilder();
    for (FormModule module : form.modules()) {
      JsonArrayBuilder duo = JSON.createArrayBuilder();
      module.duo().forEach(duo::add);
      modules.add(
          JSON.createObjectBuilder()
              .add("code", module.module().code())
              .add("required", module.required())
              .add("duo", duo)
              .add("title", byLanguage(module.title()))
              .add("text", byLanguage(module.text())));
    }
    JsonArrayBuilder languages = JSON.createArrayBuilder();
    form.languages().forEach(languages::add);
    JsonObjectBuilder hashes = JSON.createObjectBuilder();
    form.languages().forEach(language -> hashes.add(language, form.textSha256(language)));
    return JSON.createObjectBuilder()
        .add("id", form.id())
        .add("version", form.version())
        .add("jurisdiction", form.jurisdiction())
        .add("change", form.change().code())
        .add("publishedAt", form.publishedAt().toString())
        .add("languages", languages)
        .add("title", byLanguage(form.title()))
        .add("intro", byLanguage(form.intro()))
        .add("modules", modules)
        .add("textSha256", hashes)
        .build();
  }

  private static JsonObjectBuilder byLanguage(Map<String, String> texts) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    texts.forEach(json::add);
    return json;
  }
}
