package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentStates;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.PatientStateStore;
import eu.clinnova.consent.policy.PolicyCatalogue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * How many of a dataset's subjects a purpose leaves today (issue 17): the patients of the dataset's
 * jurisdiction and cohort whose consent permits every module needed, folded as the gate folds it.
 * Shown to the applicant and the reviewers before anyone submits or decides, as a rough figure
 * ({@link SubjectCount#rounded}): no names, and no small numbers that could single someone out.
 * Counts are kept ten minutes: an application page is read far more often than consent changes the
 * figure.
 */
@ApplicationScoped
public class SubjectCounts {

  static final Duration KEPT = Duration.ofMinutes(10);

  /** Below this, a count is shown as "fewer than". */
  public static final int SMALLEST_SHOWN = 10;

  /** The count, as of when it was made. */
  public record SubjectCount(int inCohort, int permitting, Instant asOf) {

    /** Whether so few permit that the figure is not shown. */
    public boolean fewerThanShown() {
      return permitting < SMALLEST_SHOWN;
    }

    /** How many permit, to two significant figures; 0 when fewer than shown. */
    public int permittingShown() {
      return fewerThanShown() ? 0 : twoFigures(permitting);
    }

    /** How many patients the dataset's cohort has, to two significant figures. */
    public int inCohortShown() {
      return twoFigures(inCohort);
    }

    /** Two significant figures: 1,234 is about 1,200, 56 stays 56. */
    static int twoFigures(int count) {
      int scale = 1;
      while (count / scale >= 100) {
        scale *= 10;
      }
      return Math.round(count / (float) scale) * scale;
    }
  }

  private record Key(String jurisdiction, Patient.Cohort cohort, Set<ConsentModule> modules) {}

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  private final PatientStateStore states = new PatientStateStore();
  private final PolicyCatalogue policies = PolicyCatalogue.bundled();
  private final Map<Key, SubjectCount> kept = new ConcurrentHashMap<>();
  @Inject Clock clock;

  public SubjectCounts() {}

  /** Counts over {@code dataSource} at {@code clock}'s time (module tests). */
  SubjectCounts(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Today's count for a dataset of {@code jurisdiction} and {@code cohort}. */
  public SubjectCount of(String jurisdiction, String cohort, Set<ConsentModule> modules) {
    Key key =
        new Key(
            jurisdiction,
            Patient.Cohort.valueOf(cohort),
            modules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modules)));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    SubjectCount known = kept.get(key);
    if (known != null && known.asOf().plus(KEPT).isAfter(now)) {
      return known;
    }
    SubjectCount fresh = count(key, now);
    kept.put(key, fresh);
    return fresh;
  }

  private SubjectCount count(Key key, Instant now) {
    JurisdictionPolicy policy =
        policies
            .of(key.jurisdiction())
            .orElseThrow(() -> new IllegalArgumentException("no policy for " + key.jurisdiction()));
    try (Connection connection = dataSource.getConnection()) {
      var permits =
          states.inCohort(
              connection,
              key.jurisdiction(),
              key.cohort(),
              patient ->
                  ConsentStates.asOf(
                          patient.patient(), patient.records(), policy, now, key.modules())
                      .values()
                      .stream()
                      .allMatch(ModuleState::permits));
      int permitting = (int) permits.stream().filter(Boolean::booleanValue).count();
      return new SubjectCount(permits.size(), permitting, now);
    } catch (SQLException e) {
      throw new IllegalStateException("the dataset's subjects could not be counted", e);
    }
  }
}
