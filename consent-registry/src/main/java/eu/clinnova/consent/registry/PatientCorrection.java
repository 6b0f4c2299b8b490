package eu.clinnova.consent.registry;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A steward's correction of a patient's details: any of the site, the cohorts, whether they are a
 * minor and the day they come of age; and that a represented patient regained capacity. What is not
 * given stays as it is. The pseudonym and the jurisdiction are never corrected: they name the
 * patient in every record and every release.
 */
public record PatientCorrection(
    Optional<String> site,
    Optional<Set<Patient.Cohort>> cohorts,
    Optional<Boolean> minor,
    Change<LocalDate> majorityDate,
    boolean capacityRegained) {

  /** A value to set (null clears it), or no change. */
  public record Change<T>(boolean given, T value) {
    public static <T> Change<T> keep() {
      return new Change<>(false, null);
    }

    public static <T> Change<T> to(T value) {
      return new Change<>(true, value);
    }
  }

  /** The only value of {@code capacity}: the patient decides for themself again (CH). */
  public static final String CAPACITY_REGAINED = "regained";

  public PatientCorrection {
    cohorts = cohorts.map(Set::copyOf);
  }

  /**
   * The correction as given in a request, each field absent when {@code null} except the majority
   * date (an explicit null clears it), or what is wrong with it field by field.
   */
  public static Result read(
      String site,
      List<String> cohorts,
      boolean cohortsGiven,
      Object minor,
      Change<String> majorityDate,
      String capacity) {
    List<FieldProblem> problems = new ArrayList<>();
    if (site != null && (site.isBlank() || site.length() > 100)) {
      problems.add(new FieldProblem("site", "must be given, at most 100 characters"));
    }
    Set<Patient.Cohort> cohortSet = EnumSet.noneOf(Patient.Cohort.class);
    if (cohortsGiven) {
      if (cohorts == null || cohorts.isEmpty()) {
        problems.add(new FieldProblem("cohorts", "must name at least one of IBD, RA, MS"));
      } else {
        for (String cohort : cohorts) {
          try {
            cohortSet.add(Patient.Cohort.valueOf(Objects.requireNonNull(cohort)));
          } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(
                new FieldProblem("cohorts", "unknown cohort " + cohort + ": use IBD, RA or MS"));
          }
        }
      }
    }
    if (minor != null && !(minor instanceof Boolean)) {
      problems.add(new FieldProblem("minor", "must be true or false"));
    }
    LocalDate majority = null;
    if (majorityDate.given() && majorityDate.value() != null) {
      try {
        majority = LocalDate.parse(majorityDate.value());
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("majorityDate", "must be a date like 2031-05-17"));
      }
    }
    if (capacity != null && !CAPACITY_REGAINED.equals(capacity)) {
      problems.add(
          new FieldProblem(
              "capacity", "can only be \"regained\": the patient decides for themself again"));
    }
    if (!problems.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    PatientCorrection correction =
        new PatientCorrection(
            Optional.ofNullable(site).map(String::strip),
            cohortsGiven ? Optional.of(cohortSet) : Optional.empty(),
            Optional.ofNullable((Boolean) minor),
            majorityDate.given() ? Change.to(majority) : Change.keep(),
            capacity != null);
    if (correction.isEmpty()) {
      return new Result(
          Optional.empty(),
          List.of(
              new FieldProblem(
                  "", "must change at least one of site, cohorts, minor, majorityDate, capacity")));
    }
    return new Result(Optional.of(correction), List.of());
  }

  /** A correction read from a request, or the problems that stopped it. */
  public record Result(Optional<PatientCorrection> correction, List<FieldProblem> problems) {}

  public boolean isEmpty() {
    return site.isEmpty()
        && cohorts.isEmpty()
        && minor.isEmpty()
        && !majorityDate.given()
        && !capacityRegained;
  }

  /**
   * The patient with this correction, or what is wrong with the result: only a minor has a day of
   * majority ahead (a patient corrected to an adult loses it).
   */
  public Applied applyTo(Patient patient) {
    boolean isMinor = minor.orElse(patient.minor());
    LocalDate majority =
        majorityDate.given() ? majorityDate.value() : isMinor ? patient.adultOn() : null;
    if (majority != null && !isMinor) {
      return new Applied(
          patient, List.of(new FieldProblem("majorityDate", "is given for minors only")));
    }
    return new Applied(
        new Patient(
            patient.psn(),
            patient.jurisdiction(),
            site.orElse(patient.site()),
            cohorts.orElse(patient.cohorts()),
            isMinor,
            majority),
        List.of());
  }

  /** The corrected patient, or the problems that stop the correction. */
  public record Applied(Patient patient, List<FieldProblem> problems) {}

  /**
   * What changed between {@code before} and {@code after}, field by field as {@code {from, to}},
   * for the audit entry (only the fields that differ).
   */
  public static Map<String, Object> differences(Patient before, Patient after) {
    Map<String, Object> changed = new LinkedHashMap<>();
    difference(changed, "site", before.site(), after.site());
    difference(changed, "cohorts", sorted(before.cohorts()), sorted(after.cohorts()));
    difference(changed, "minor", before.minor(), after.minor());
    difference(
        changed,
        "majorityDate",
        before.majority().map(LocalDate::toString).orElse(null),
        after.majority().map(LocalDate::toString).orElse(null));
    return changed;
  }

  private static List<String> sorted(Set<Patient.Cohort> cohorts) {
    return cohorts.stream().sorted().map(Enum::name).toList();
  }

  private static void difference(Map<String, Object> changed, String name, Object was, Object is) {
    if (!Objects.equals(was, is)) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("from", was);
      change.put("to", is);
      changed.put(name, change);
    }
  }
}
