package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Patient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * {@code consent.patient_state}: per patient, their jurisdiction, cohorts and, for every record in
 * append order, what a consent state is derived from, kept by triggers (V5, V6). The release gate
 * reads many patients here in one query, one row each.
 *
 * <p>The records are in the compact line format of migration V6 (kind, signer, time in
 * microseconds, id, decisions, withdrawn modules, validity ends), parsed by hand ({@link
 * RecordLine}): a JSON document per patient made parsing most of a 10,000-subject decision. A
 * record read here carries no form, language or text digest: the state does not depend on them.
 */
public final class PatientStateStore {

  /** The columns every reader of {@code consent.patient_state} reads, in this order. */
  static final String COLUMNS =
      "psn, jurisdiction, site, array_to_string(cohorts, ','), minor, adult_on, records";

  /** A patient and their records in append order. */
  public record PatientRecords(Patient patient, List<ConsentRecord> records) {}

  // A patient's cohorts as the query joins them ("IBD,RA"), read once per spelling: there
  // are a handful, and 10,000 patients' arrays are read per release decision.
  private static final Map<String, Set<Patient.Cohort>> COHORTS = new ConcurrentHashMap<>();

  /** The enrolled patients among {@code psns} of {@code jurisdiction} (all if null). */
  public List<PatientRecords> of(
      Connection connection, Collection<String> psns, String jurisdiction) throws SQLException {
    return of(connection, psns, jurisdiction, Function.identity());
  }

  /**
   * The same, each patient passed through {@code then} as soon as it is parsed: a large answer is
   * parsed and {@code then} applied on all cores in one pass (the database is idle meanwhile), so
   * {@code then} must be pure computation. Order is kept.
   */
  public <T> List<T> of(
      Connection connection,
      Collection<String> psns,
      String jurisdiction,
      Function<PatientRecords, T> then)
      throws SQLException {
    return read(connection, psns, jurisdiction, then, psns.size() >= ConsentParallelism.FROM);
  }

  /** The same on this thread only (each of {@link SharedSnapshotRead}'s readers parses its own). */
  <T> List<T> inOrder(
      Connection connection,
      Collection<String> psns,
      String jurisdiction,
      Function<PatientRecords, T> then)
      throws SQLException {
    return read(connection, psns, jurisdiction, then, false);
  }

  private <T> List<T> read(
      Connection connection,
      Collection<String> psns,
      String jurisdiction,
      Function<PatientRecords, T> then,
      boolean parallel)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM consent.patient_state WHERE psn = ANY (string_to_array(?, ','))"
                + " AND (?::text IS NULL OR jurisdiction = ?::text)")) {
      // One text parameter: PostgreSQL splits it far faster than it reads an array literal of
      // 10,000 quoted elements, and it is joined far faster than the driver quotes one.
      query.setString(1, Patient.joinPseudonyms(psns));
      query.setString(2, jurisdiction);
      query.setString(3, jurisdiction);
      return rows(query, then, parallel);
    }
  }

  /**
   * Every patient of {@code jurisdiction} in {@code cohort}, each passed through {@code then} (pure
   * computation, on all cores): what a count of a dataset's subjects folds.
   */
  public <T> List<T> inCohort(
      Connection connection,
      String jurisdiction,
      Patient.Cohort cohort,
      Function<PatientRecords, T> then)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM consent.patient_state WHERE jurisdiction = ? AND ? = ANY (cohorts)")) {
      query.setString(1, jurisdiction);
      query.setString(2, cohort.name());
      query.setFetchSize(5_000);
      return rows(query, then, true);
    }
  }

  private static <T> List<T> rows(
      PreparedStatement query, Function<PatientRecords, T> then, boolean parallel)
      throws SQLException {
    List<Patient> patients = new ArrayList<>();
    // The records as the database sent them: the parser reads bytes, no string is made of them.
    List<byte[]> stored = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        String psn = row.getString(1);
        patients.add(
            new Patient(
                psn,
                row.getString(2),
                row.getString(3),
                cohorts(psn, row.getString(4)),
                row.getBoolean(5),
                row.getObject(6, LocalDate.class)));
        stored.add(row.getBytes(7));
      }
    }
    IntStream indexes = IntStream.range(0, patients.size());
    return (parallel ? indexes.parallel() : indexes)
        .mapToObj(
            i ->
                then.apply(
                    new PatientRecords(
                        patients.get(i), RecordLine.records(patients.get(i).psn(), stored.get(i)))))
        .toList();
  }

  /** Parses the records of one patient; an unknown code is a broken projection, not a deny. */
  static List<ConsentRecord> records(String psn, String stored) {
    return RecordLine.records(psn, stored);
  }

  static Set<Patient.Cohort> cohorts(String psn, String joined) {
    Set<Patient.Cohort> known = COHORTS.get(joined);
    if (known == null) {
      Set<Patient.Cohort> cohorts = EnumSet.noneOf(Patient.Cohort.class);
      for (String cohort : joined.split(",", -1)) {
        if (!joined.isEmpty()) {
          cohorts.add(Patient.Cohort.valueOf(cohort));
        }
      }
      known = Set.copyOf(cohorts);
      COHORTS.put(joined, known);
    }
    return known;
  }
}
