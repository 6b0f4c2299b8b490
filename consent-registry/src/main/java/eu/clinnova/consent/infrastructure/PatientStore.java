package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.Patient;
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
