package eu.clinnova.workflow.catalogue;

import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.DuoTerm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Datasets in {@code workflow.dataset}. */
public final class DatasetStore {

  private static final String COLUMNS =
      "id, title, description, jurisdiction, cohort, permission, disease, modifiers,"
          + " required_modules, time_limit_months, subjects, published_at";

  /** False if the id exists (nothing written). */
  public boolean insert(Connection connection, Dataset dataset, String by) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.dataset ("
                + COLUMNS
                + ", published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
      insert.setString(1, dataset.id());
      insert.setString(2, dataset.title());
      insert.setString(3, dataset.description());
      insert.setString(4, dataset.jurisdiction());
      insert.setString(5, dataset.cohort());
      insert.setString(6, dataset.use().permission().name());
      insert.setString(7, dataset.use().disease().orElse(null));
      insert.setArray(
          8,
          connection.createArrayOf(
              "text", dataset.use().modifiers().stream().sorted().map(Enum::name).toArray()));
      insert.setArray(9, connection.createArrayOf("text", dataset.requiredModules().toArray()));
      insert.setObject(10, dataset.timeLimitMonths().orElse(null));
      insert.setInt(11, dataset.subjects());
      insert.setTimestamp(12, Timestamp.from(dataset.publishedAt()));
      insert.setString(13, by);
      return insert.executeUpdate() == 1;
    }
  }

  /** Datasets, optionally of one jurisdiction and one cohort, by jurisdiction and id. */
  public List<Dataset> list(Connection connection, String jurisdiction, String cohort)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM workflow.dataset WHERE (?::text IS NULL OR jurisdiction = ?)"
                + " AND (?::text IS NULL OR cohort = ?) ORDER BY jurisdiction, id")) {
      query.setString(1, jurisdiction);
      query.setString(2, jurisdiction);
      query.setString(3, cohort);
      query.setString(4, cohort);
      return read(query);
    }
  }

  public Optional<Dataset> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM workflow.dataset WHERE id = ?")) {
      query.setString(1, id);
      return read(query).stream().findFirst();
    }
  }

  private static List<Dataset> read(PreparedStatement query) throws SQLException {
    List<Dataset> datasets = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        Set<DuoTerm> modifiers = EnumSet.noneOf(DuoTerm.class);
        for (Object modifier : (Object[]) row.getArray(8).getArray()) {
          modifiers.add(DuoTerm.valueOf((String) modifier));
        }
        List<String> required = new ArrayList<>();
        for (Object module : (Object[]) row.getArray(9).getArray()) {
          required.add((String) module);
        }
        datasets.add(
            new Dataset(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                new DataUse(
                    DuoTerm.valueOf(row.getString(6)),
                    Optional.ofNullable(row.getString(7)),
                    modifiers),
                required,
                Optional.ofNullable((Integer) row.getObject(10)),
                row.getInt(11),
                row.getTimestamp(12).toInstant()));
      }
    }
    return datasets;
  }
}
