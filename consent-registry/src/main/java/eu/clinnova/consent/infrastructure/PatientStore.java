package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.registry.ListedPatient;
import eu.clinnova.consent.registry.PatientFilter;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Patients in {@code consent.patient}. */
public final class PatientStore {

  /** Inserts the patient; false if the pseudonym is already enrolled (nothing written). */
  public boolean insert(Connection connection, Patient patient, Instant at, String by)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.patient"
                + " (psn, jurisdiction, site, cohorts, minor, enrolled_at, enrolled_by, adult_on)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (psn) DO NOTHING")) {
      insert.setString(1, patient.psn());
      insert.setString(2, patient.jurisdiction());
      insert.setString(3, patient.site());
      insert.setArray(
          4,
          connection.createArrayOf(
              "text", patient.cohorts().stream().sorted().map(Enum::name).toArray()));
      insert.setBoolean(5, patient.minor());
      insert.setTimestamp(6, Timestamp.from(at));
      insert.setString(7, by);
      insert.setObject(8, patient.adultOn());
      return insert.executeUpdate() == 1;
    }
  }

  /**
   * Inserts the patients that are not enrolled yet, in one statement, and answers their pseudonyms;
   * the others are left as they are (a file enrolled twice enrols nobody twice).
   */
  public List<String> insertAll(
      Connection connection, List<Patient> patients, Instant at, String by) throws SQLException {
    if (patients.isEmpty()) {
      return List.of();
    }
    int n = patients.size();
    String[] psns = new String[n];
    String[] jurisdictions = new String[n];
    String[] sites = new String[n];
    String[] cohorts = new String[n];
    Boolean[] minors = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Patient patient = patients.get(i);
      psns[i] = patient.psn();
      jurisdictions[i] = patient.jurisdiction();
      sites[i] = patient.site();
      cohorts[i] = String.join(",", patient.cohorts().stream().sorted().map(Enum::name).toList());
      minors[i] = patient.minor();
    }
    List<String> inserted = new ArrayList<>(n);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.patient"
                + " (psn, jurisdiction, site, cohorts, minor, enrolled_at, enrolled_by)"
                + " SELECT p, j, s, string_to_array(c, ','), m, ?, ?"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])"
                + " AS given(p, j, s, c, m)"
                + " ON CONFLICT (psn) DO NOTHING RETURNING psn")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setString(2, by);
      insert.setArray(3, connection.createArrayOf("text", psns));
      insert.setArray(4, connection.createArrayOf("text", jurisdictions));
      insert.setArray(5, connection.createArrayOf("text", sites));
      insert.setArray(6, connection.createArrayOf("text", cohorts));
      insert.setArray(7, connection.createArrayOf("boolean", minors));
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          inserted.add(rows.getString(1));
        }
      }
    }
    return inserted;
  }

  /** The patient, their row locked until the transaction ends (a correction reads then writes). */
  public Optional<Patient> lock(Connection connection, String psn) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT psn, jurisdiction, site, cohorts, minor, adult_on FROM consent.patient"
                + " WHERE psn = ? FOR UPDATE")) {
      query.setString(1, psn);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(patient(row, 1)) : Optional.empty();
      }
    }
  }

  /** Writes the patient's correctable details: site, cohorts, minor, day of majority. */
  public void correct(Connection connection, Patient patient) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE consent.patient SET site = ?, cohorts = ?, minor = ?, adult_on = ?"
                + " WHERE psn = ?")) {
      update.setString(1, patient.site());
      update.setArray(
          2,
          connection.createArrayOf(
              "text", patient.cohorts().stream().sorted().map(Enum::name).toArray()));
      update.setBoolean(3, patient.minor());
      update.setObject(4, patient.adultOn());
      update.setString(5, patient.psn());
      if (update.executeUpdate() != 1) {
        throw new SQLException("no patient " + patient.psn() + " to correct");
      }
    }
  }

  /**
   * The first {@code rows} patients {@code filter} selects, in pseudonym order (byte order), read
   * from the release gate's projection: its primary key is in byte order, so a prefix is a range of
   * it.
   */
  public List<ListedPatient> list(Connection connection, PatientFilter filter, int rows)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT psn, jurisdiction, site, cohorts, minor, adult_on, "
                + STANDING
                + " FROM consent.patient_state WHERE psn "
                + (filter.lowerBoundExcluded() ? ">" : ">=")
                + " ? AND psn < ? AND jurisdiction = ANY(?)");
    List<Object> parameters = new ArrayList<>();
    parameters.add(filter.lowerBound());
    parameters.add(filter.upperBound());
    parameters.add(connection.createArrayOf("text", filter.jurisdictions().toArray()));
    filter
        .site()
        .ifPresent(
            site -> {
              sql.append(" AND lower(site) = lower(?)");
              parameters.add(site);
            });
    filter
        .cohort()
        .ifPresent(
            cohort -> {
              sql.append(" AND ? = ANY(cohorts)");
              parameters.add(cohort.name());
            });
    filter
        .consent()
        .ifPresent(
            standing -> {
              sql.append(" AND " + STANDING + " = ?");
              parameters.add(standing.code());
            });
    sql.append(" ORDER BY psn LIMIT ?");
    parameters.add(rows);
    List<ListedPatient> page = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        query.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          page.add(
              new ListedPatient(
                  patient(row, 1),
                  PatientFilter.ConsentStanding.fromCode(row.getString(7)).orElseThrow()));
        }
      }
    }
    return page;
  }

  /**
   * Where a patient's consent stands, from the last record of the projection's line format (consent
   * migration V6: kind, signer, time, id, decisions, withdrawn modules, validity; "." for no
   * withdrawn module, which in a withdrawal means all of them).
   */
  private static final String STANDING =
      "(CASE WHEN records = '' THEN 'none'"
          + " WHEN split_part(split_part(records, ';', -1), ' ', 1) = 'objection'"
          + " OR (split_part(split_part(records, ';', -1), ' ', 1) = 'withdrawal'"
          + " AND split_part(split_part(records, ';', -1), ' ', 6) = '.') THEN 'withdrawn'"
          + " ELSE 'recorded' END)";

  public Optional<Patient> find(Connection connection, String psn) throws SQLException {
    return findAll(connection, List.of(psn)).stream().findFirst();
  }

  /** The enrolled patients among {@code psns}, in one query. */
  public List<Patient> findAll(Connection connection, Collection<String> psns) throws SQLException {
    List<Patient> found = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT psn, jurisdiction, site, cohorts, minor, adult_on FROM consent.patient"
                + " WHERE psn = ANY(?)")) {
      query.setArray(1, connection.createArrayOf("text", psns.toArray()));
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          found.add(patient(row, 1));
        }
      }
    }
    return found;
  }

  /** The patient in six columns of {@code row} from {@code first}: psn ... adult_on. */
  static Patient patient(ResultSet row, int first) throws SQLException {
    Set<Patient.Cohort> cohorts = EnumSet.noneOf(Patient.Cohort.class);
    Array array = row.getArray(first + 3);
    for (Object cohort : (Object[]) array.getArray()) {
      cohorts.add(Patient.Cohort.valueOf((String) cohort));
    }
    return new Patient(
        row.getString(first),
        row.getString(first + 1),
        row.getString(first + 2),
        cohorts,
        row.getBoolean(first + 4),
        row.getObject(first + 5, LocalDate.class));
  }
}
