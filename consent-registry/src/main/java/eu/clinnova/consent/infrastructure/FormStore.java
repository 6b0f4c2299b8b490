package eu.clinnova.consent.infrastructure;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormDocument;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Form versions in {@code consent.form}; the document column holds the form as published. */
public final class FormStore {

  public void insert(Connection connection, ConsentForm form, String by) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.form"
                + " (id, version, jurisdiction, change, document, published_at, published_by)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)")) {
      insert.setString(1, form.id());
      insert.setInt(2, form.version());
      insert.setString(3, form.jurisdiction());
      insert.setString(4, form.change().code());
      insert.setString(5, FormDocument.json(form).toString());
      insert.setTimestamp(6, Timestamp.from(form.publishedAt()));
      insert.setString(7, by);
      insert.executeUpdate();
    }
  }

  /** The latest version of every form. */
  public List<ConsentForm> active(Connection connection) throws SQLException {
    return query(
        connection,
        "SELECT DISTINCT ON (id) document, published_at FROM consent.form"
            + " ORDER BY id, version DESC",
        null,
        null);
  }

  public Optional<ConsentForm> latest(Connection connection, String id) throws SQLException {
    return query(
            connection,
            "SELECT document, published_at FROM consent.form WHERE id = ?"
                + " ORDER BY version DESC LIMIT 1",
            id,
            null)
        .stream()
        .findFirst();
  }

  public Optional<ConsentForm> find(Connection connection, String id, int version)
      throws SQLException {
    return query(
            connection,
            "SELECT document, published_at FROM consent.form WHERE id = ? AND version = ?",
            id,
            version)
        .stream()
        .findFirst();
  }

  /**
   * Forces the form table's lock: publishing two versions of one form at once must not give both
   * the same number (the primary key would refuse one; this makes the second wait and see).
   */
  public void lockForPublishing(Connection connection, String id) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtext('consent.form:' || ?))")) {
      lock.setString(1, id);
      lock.execute();
    }
  }

  private static List<ConsentForm> query(
      Connection connection, String sql, String id, Integer version) throws SQLException {
    List<ConsentForm> forms = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      if (id != null) {
        query.setString(1, id);
      }
      if (version != null) {
        query.setInt(2, version);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          JsonObject document;
          try (var reader = JSON.createReader(new StringReader(rows.getString(1)))) {
            document = reader.readObject();
          }
          FormDocument.Parsed parsed =
              FormDocument.parse(document, rows.getTimestamp(2).toInstant());
          if (!(parsed instanceof FormDocument.Parsed.Valid valid)) {
            throw new IllegalStateException("a stored form does not parse: " + parsed);
          }
          forms.add(valid.form());
        }
      }
    }
    return forms;
  }
}
