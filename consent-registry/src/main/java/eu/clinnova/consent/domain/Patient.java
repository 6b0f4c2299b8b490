package eu.clinnova.consent.domain;

import eu.clinnova.kernel.Jurisdiction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A patient as the registry knows them: a pseudonym issued at enrolment, one jurisdiction, a site,
 * one or more cohorts, and whether they are a minor (guardians consent for them).
 */
public record Patient(
    String psn,
    String jurisdiction,
    String site,
    Set<Cohort> cohorts,
    boolean minor,
    LocalDate adultOn) {

  /** A pseudonym: the jurisdiction's code, a dash, 4 to 16 digits or capitals. */
  public static final Pattern PSN = Pattern.compile("^(LU|FR|DE|CH)-[0-9A-Z]{4,16}$");

  /**
   * Pseudonyms joined by commas, for SQL's {@code string_to_array(?, ',')}: one text parameter is
   * read far faster than an array of 10,000 quoted elements. A pseudonym has no comma; a text that
   * does is refused rather than split.
   */
  public static String joinPseudonyms(Collection<String> psns) {
    StringBuilder joined = new StringBuilder(psns.size() * 16);
    for (String psn : psns) {
      if (psn.indexOf(',') >= 0) {
        throw new IllegalArgumentException("not a pseudonym: " + psn);
      }
      if (joined.length() > 0) {
        joined.append(',');
      }
      joined.append(psn);
    }
    return joined.toString();
  }

  /**
   * Whether {@code psn} matches {@link #PSN}, without a regular expression: the release gate checks
   * up to 100,000 pseudonyms per request.
   */
  public static boolean isPseudonym(String psn) {
    int length = psn.length();
    if (length < 7 || length > 19 || psn.charAt(2) != '-') {
      return false;
    }
    if (!Jurisdiction.isCode(psn.substring(0, 2))) {
      return false;
    }
    for (int i = 3; i < length; i++) {
      char c = psn.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /** The network's disease areas. */
  public enum Cohort {
    IBD,
    RA,
    MS
  }

  public Patient {
    // An immutable set is kept as it is (the release gate reads 10,000 patients at a time).
    cohorts = Set.copyOf(cohorts);
    if (adultOn != null && !minor) {
      throw new IllegalArgumentException("only a minor has a day of majority ahead");
    }
  }

  /** A patient without a known day of majority. */
  public Patient(String psn, String jurisdiction, String site, Set<Cohort> cohorts, boolean minor) {
    this(psn, jurisdiction, site, cohorts, minor, null);
  }

  /**
   * Whether the patient is a minor on {@code day}: until the day of majority, if known; a minor
   * without one stays a minor until a steward records it.
   */
  public boolean isMinorOn(LocalDate day) {
    return minor && majority().map(day::isBefore).orElse(true);
  }

  /** The day a minor comes of age, when the steward gave it. */
  public Optional<LocalDate> majority() {
    return Optional.ofNullable(adultOn);
  }

  /** What is wrong with this enrolment, field by field; empty when it is valid. */
  public static List<FieldProblem> check(
      String psn,
      String jurisdiction,
      String site,
      List<String> cohorts,
      Boolean minor,
      String adultOn) {
    List<FieldProblem> problems = new ArrayList<>();
    if (psn == null || !isPseudonym(psn)) {
      problems.add(
          new FieldProblem(
              "psn",
              "must look like LU-0001: a jurisdiction code, a dash, 4 to 16 digits or capitals"));
    }
    if (jurisdiction == null || !Jurisdiction.isCode(jurisdiction)) {
      problems.add(new FieldProblem("jurisdiction", "must be one of LU, FR, DE, CH"));
    } else if (psn != null && isPseudonym(psn) && !psn.startsWith(jurisdiction + "-")) {
      problems.add(
          new FieldProblem("psn", "must start with the patient's jurisdiction " + jurisdiction));
    }
    if (site == null || site.isBlank() || site.length() > 100) {
      problems.add(new FieldProblem("site", "must be given, at most 100 characters"));
    }
    if (cohorts == null || cohorts.isEmpty()) {
      problems.add(new FieldProblem("cohorts", "must name at least one of IBD, RA, MS"));
    } else {
      for (String cohort : cohorts) {
        if (cohort == null || !Set.of("IBD", "RA", "MS").contains(cohort)) {
          problems.add(
              new FieldProblem("cohorts", "unknown cohort " + cohort + ": use IBD, RA or MS"));
        }
      }
    }
    if (minor == null) {
      problems.add(new FieldProblem("minor", "must be true or false"));
    }
    if (adultOn != null) {
      try {
        LocalDate.parse(adultOn);
        if (!Boolean.TRUE.equals(minor)) {
          problems.add(new FieldProblem("adultOn", "is given for minors only"));
        }
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(new FieldProblem("adultOn", "must be a date like 2031-05-17"));
      }
    }
    return problems;
  }
}
