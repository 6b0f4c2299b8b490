package eu.clinnova.consent.form;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a new version of a form changes against the version in force, part by part and language by
 * language: the title, the introduction, and each module's title, text, whether it must be answered
 * and the DUO terms it grants. An added or removed module or language shows as a text going from or
 * to nothing. The administrator reads this before choosing minor or major.
 */
public final class FormDiff {

  /** Where a change is: a part of the form, in a language ({@code ""} when not a text). */
  public record Change(Part part, String module, String language, String before, String after) {

    public List<WordDiff.Segment> words() {
      return WordDiff.between(before, after);
    }
  }

  /** The parts of a form a change can be in. */
  public enum Part {
    TITLE,
    INTRO,
    MODULE_TITLE,
    MODULE_TEXT,
    MODULE_REQUIRED,
    MODULE_DUO
  }

  private FormDiff() {}

  public static List<Change> between(ConsentForm inForce, ConsentForm next) {
    List<Change> changes = new ArrayList<>();
    Set<String> languages = new LinkedHashSet<>(inForce.languages());
    languages.addAll(next.languages());
    texts(changes, Part.TITLE, null, languages, inForce.title(), next.title());
    texts(changes, Part.INTRO, null, languages, inForce.intro(), next.intro());
    Set<eu.clinnova.consent.domain.ConsentModule> modules = new LinkedHashSet<>();
    inForce.modules().forEach(module -> modules.add(module.module()));
    next.modules().forEach(module -> modules.add(module.module()));
    for (var code : modules) {
      FormModule before = inForce.module(code).orElse(null);
      FormModule after = next.module(code).orElse(null);
      String name = code.code();
      texts(
          changes,
          Part.MODULE_TITLE,
          name,
          languages,
          before == null ? Map.of() : before.title(),
          after == null ? Map.of() : after.title());
      texts(
          changes,
          Part.MODULE_TEXT,
          name,
          languages,
          before == null ? Map.of() : before.text(),
          after == null ? Map.of() : after.text());
      String requiredBefore = before == null ? "" : String.valueOf(before.required());
      String requiredAfter = after == null ? "" : String.valueOf(after.required());
      if (!requiredBefore.equals(requiredAfter)) {
        changes.add(new Change(Part.MODULE_REQUIRED, name, "", requiredBefore, requiredAfter));
      }
      String duoBefore = before == null ? "" : String.join(" ", before.duo());
      String duoAfter = after == null ? "" : String.join(" ", after.duo());
      if (!duoBefore.equals(duoAfter)) {
        changes.add(new Change(Part.MODULE_DUO, name, "", duoBefore, duoAfter));
      }
    }
    return changes;
  }

  private static void texts(
      List<Change> changes,
      Part part,
      String module,
      Set<String> languages,
      Map<String, String> before,
      Map<String, String> after) {
    for (String language : languages) {
      String was = before.getOrDefault(language, "");
      String is = after.getOrDefault(language, "");
      if (!Objects.equals(was, is)) {
        changes.add(new Change(part, module, language, was, is));
      }
    }
  }
}
