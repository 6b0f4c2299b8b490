package eu.clinnova.consent.registry;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is wrong with one line of an import, as a code and its arguments: the API says it in English
 * ({@link #message}), the steward's page in their language from the same code.
 */
public record LineProblem(String code, List<String> args) {

  private static final Map<String, String> ENGLISH =
      Map.of(
          "empty", "is empty",
          "unclosed-quote", "has a quote that is not closed",
          "field-count", "has {0} fields, not 4 (psn,site,cohorts,minor)",
          "psn-format", "psn {0} is not a pseudonym like LU-0001 (capitals and digits)",
          "psn-elsewhere", "psn {0} is not of your jurisdiction",
          "psn-twice", "psn {0} is already on line {1}",
          "site", "site must be given, at most 100 characters",
          "cohort-twice", "cohort {0} is given twice",
          "cohort-unknown", "cohort {0} is not one of IBD, RA, MS",
          "minor", "minor must be true or false, not {0}");

  public LineProblem {
    args = List.copyOf(args);
  }

  static LineProblem of(String code, Object... args) {
    if (!ENGLISH.containsKey(code)) {
      throw new IllegalArgumentException("no such line problem: " + code);
    }
    return new LineProblem(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }

  /** The codes there are (the steward's page has a text for each). */
  public static java.util.Set<String> codes() {
    return ENGLISH.keySet();
  }

  /** In English, as the API reports it; an unknown code (a stored older job) is itself. */
  public String message() {
    String pattern = ENGLISH.get(code);
    return pattern == null
        ? code
        : new MessageFormat(pattern, Locale.ROOT).format(args.toArray(Object[]::new));
  }
}
