package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.Patient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the patient's fields at the start of a row of the gate's query ({@link #COLUMN}):
 * pseudonym, jurisdiction, cohorts ({@code .} for none), minor ({@code t}/{@code f}), the day they
 * come of age ({@code .} if not a minor), the site's length in bytes and the site, separated by
 * spaces; their records follow in {@link RecordLine}'s format.
 *
 * <p>One column per row instead of seven: every getter of a pooled connection's result set goes
 * through the pool's wrapper (a lock, a state check), and seven of them for each of 10,000 rows
 * were a quarter of the CPU of the read. One reader of rows keeps the last jurisdiction, site and
 * cohorts it read, since most rows repeat them: not thread-safe, one per read.
 */
final class PatientLine {

  /** The row as the query selects it, from {@code consent.patient_state}. */
  static final String COLUMN =
      "psn || ' ' || jurisdiction || ' ' || COALESCE(NULLIF(array_to_string(cohorts, ','), ''),"
          + " '.') || ' ' || CASE WHEN minor THEN 't' ELSE 'f' END || ' ' ||"
          + " COALESCE(to_char(adult_on, 'YYYY-MM-DD'), '.') || ' ' || octet_length(site) || ' '"
          + " || site || ' ' || records";

  /** A patient and where their records start in the row. */
  record Row(Patient patient, byte[] line, int recordsFrom) {}

  // A patient's cohorts as the row writes them ("IBD,RA"), parsed once per spelling.
  private static final Map<String, Set<Patient.Cohort>> COHORTS = new ConcurrentHashMap<>();

  private final Recent jurisdictions = new Recent();
  private final Recent sites = new Recent();
  private final Recent cohortTexts = new Recent();
  private Set<Patient.Cohort> cohorts = Set.of();

  private byte[] line;
  private int at;

  Row read(byte[] row) {
    line = row;
    at = 0;
    String psn = text(field(), null);
    String jurisdiction = text(field(), jurisdictions);
    int cohortsEnd = field();
    String cohortText = text(cohortsEnd, cohortTexts);
    if (cohortTexts.changed) {
      cohorts = cohorts(cohortText);
    }
    int minorAt = at;
    if (field() != minorAt + 1 || (line[minorAt] != 't' && line[minorAt] != 'f')) {
      throw broken("minor", psn);
    }
    boolean minor = line[minorAt] == 't';
    at = minorAt + 2;
    int adultEnd = field();
    LocalDate adultOn = null;
    if (adultEnd != at + 1 || line[at] != '.') {
      try {
        adultOn = LocalDate.parse(new String(line, at, adultEnd - at, StandardCharsets.US_ASCII));
      } catch (RuntimeException e) {
        throw broken("day of age", psn);
      }
    }
    at = adultEnd + 1;
    int siteLength = length(field(), psn);
    int siteEnd = at + siteLength;
    if (siteEnd >= line.length || line[siteEnd] != ' ') {
      throw broken("site", psn);
    }
    String site = text(siteEnd, sites);
    at = siteEnd + 1;
    return new Row(new Patient(psn, jurisdiction, site, cohorts, minor, adultOn), line, at);
  }

  /** The end of the field starting at {@link #at} (the next space); a missing one is broken. */
  private int field() {
    for (int i = at; i < line.length; i++) {
      if (line[i] == ' ') {
        if (i == at) {
          break;
        }
        return i;
      }
    }
    throw broken("row", new String(line, 0, Math.min(line.length, 20), StandardCharsets.UTF_8));
  }

  /** The field from {@link #at} to {@code end} as text (repeats from {@code recent}); steps on. */
  private String text(int end, Recent recent) {
    String text =
        recent == null
            ? new String(line, at, end - at, StandardCharsets.UTF_8)
            : recent.of(line, at, end);
    at = end + 1;
    return text;
  }

  private int length(int end, String psn) {
    if (end - at > 6) {
      throw broken("site length", psn);
    }
    int value = 0;
    for (int i = at; i < end; i++) {
      if (line[i] < '0' || line[i] > '9') {
        throw broken("site length", psn);
      }
      value = value * 10 + (line[i] - '0');
    }
    at = end + 1;
    return value;
  }

  private static Set<Patient.Cohort> cohorts(String joined) {
    Set<Patient.Cohort> known = COHORTS.get(joined);
    if (known == null) {
      Set<Patient.Cohort> cohorts = EnumSet.noneOf(Patient.Cohort.class);
      if (!joined.equals(".")) {
        for (String cohort : joined.split(",", -1)) {
          cohorts.add(Patient.Cohort.valueOf(cohort));
        }
      }
      known = Set.copyOf(cohorts);
      COHORTS.put(joined, known);
    }
    return known;
  }

  private static IllegalStateException broken(String what, String where) {
    return new IllegalStateException(
        "unreadable " + what + " in the consent state row of " + where);
  }

  /** The last text read for one field, reused while the bytes repeat. */
  private static final class Recent {
    private byte[] bytes = new byte[0];
    private String text;
    private boolean changed;

    String of(byte[] line, int from, int to) {
      changed = text == null || !Arrays.equals(line, from, to, bytes, 0, bytes.length);
      if (changed) {
        bytes = Arrays.copyOfRange(line, from, to);
        text = new String(bytes, StandardCharsets.UTF_8);
      }
      return text;
    }
  }
}
