package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Patient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * {@code consent.patient_state}: per patient, their jurisdiction, cohorts and, for every record in
 * append order, what a consent state is derived from, kept by triggers (V5, V6). The release gate
 * reads many patients here in one query, one row each, as one column ({@link PatientLine}).
 *
 * <p>The records are in the compact line format of migration V6 (kind, signer, time in
 * microseconds, id, decisions, withdrawn modules, validity ends), parsed by hand ({@link
 * RecordLine}): a JSON document per patient made parsing most of a 10,000-subject decision. A
 * record read here carries no form, language or text digest: the state does not depend on them.
 */
public final class PatientStateStore {

  /** A patient and their records in append order. */
  public record PatientRecords(Patient patient, List<ConsentRecord> records) {}

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
    List<PatientLine.Row> rows = new ArrayList<>(psns.size());
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + PatientLine.COLUMN
                + " FROM consent.patient_state WHERE psn = ANY (string_to_array(?, ','))"
                + " AND (?::text IS NULL OR jurisdiction = ?::text)")) {
      // One text parameter: PostgreSQL splits it far faster than it reads an array literal of
      // 10,000 quoted elements, and it is joined far faster than the driver quotes one.
      query.setString(1, Patient.joinPseudonyms(psns));
      query.setString(2, jurisdiction);
      query.setString(3, jurisdiction);
      PatientLine line = new PatientLine();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          // The row as the database sent it: the parsers read bytes, no string is made of it.
          rows.add(line.read(row.getBytes(1)));
        }
      }
    }
    IntStream indexes = IntStream.range(0, rows.size());
    return (parallel ? indexes.parallel() : indexes)
        .mapToObj(i -> then.apply(records(rows.get(i))))
        .toList();
  }

  private static PatientRecords records(PatientLine.Row row) {
    return new PatientRecords(
        row.patient(), RecordLine.records(row.patient().psn(), row.line(), row.recordsFrom()));
  }

  /** Parses the records of one patient; an unknown code is a broken projection, not a deny. */
  static List<ConsentRecord> records(String psn, String stored) {
    return RecordLine.records(psn, stored);
  }
}
