package eu.clinnova.consent.registry;

import eu.clinnova.consent.domain.Patient;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which patients a listing shows, page by page in pseudonym order: those of {@code jurisdictions}
 * (the caller's), whose pseudonym starts with {@code prefix}, at {@code site}, in {@code cohort},
 * whose consent stands as {@code consent}; the page starts after the pseudonym {@code after}.
 */
public record PatientFilter(
    Set<String> jurisdictions,
    String prefix,
    Optional<String> site,
    Optional<Patient.Cohort> cohort,
    Optional<ConsentStanding> consent,
    Optional<String> after,
    int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /** Where a patient's consent stands, as far as their last record tells. */
  public enum ConsentStanding {
    /** No record yet: nobody has decided anything. */
    NONE("none"),
    /** Decisions recorded, and the last record does not take everything back. */
    RECORDED("recorded"),
    /** The last record withdraws everything or objects to any reuse. */
    WITHDRAWN("withdrawn");

    private final String code;

    ConsentStanding(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<ConsentStanding> fromCode(String code) {
      for (ConsentStanding standing : values()) {
        if (standing.code.equals(code)) {
          return Optional.of(standing);
        }
      }
      return Optional.empty();
    }
  }

  public PatientFilter {
    jurisdictions = Set.copyOf(jurisdictions);
    // Pseudonyms are capitals and digits: "lu-00" finds LU-0001.
    prefix = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
    site = site.map(String::strip).filter(text -> !text.isEmpty());
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
  }

  /**
   * The first pseudonym a page may hold: the prefix itself, or just after the previous page's last.
   */
  public String lowerBound() {
    return after.filter(last -> last.compareTo(prefix) >= 0).orElse(prefix);
  }

  /** Whether {@link #lowerBound} itself is excluded (it was the last of the previous page). */
  public boolean lowerBoundExcluded() {
    return after.filter(last -> last.compareTo(prefix) >= 0).isPresent();
  }

  /**
   * The first pseudonym beyond every one that starts with the prefix, in byte order: pseudonyms are
   * ASCII below DEL, so the prefix followed by DEL is greater than all of them.
   */
  public String upperBound() {
    return prefix + '\u007f';
  }
}
