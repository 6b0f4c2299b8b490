package eu.clinnova.workflow.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Acceptances of the data access agreement, one per application (append-only). */
public final class AgreementStore {

  /** An acceptance: which version, its text's digest, when. */
  public record Acceptance(int version, String sha256, Instant acceptedAt) {}

  public void insert(
      Connection connection,
      UUID applicationId,
      DataAccessAgreement agreement,
      Instant at,
      String by)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.agreement_acceptance (application_id, version, sha256,"
                + " accepted_at, accepted_by) VALUES (?, ?, ?, ?, ?)")) {
      insert.setObject(1, applicationId);
      insert.setInt(2, agreement.version());
      insert.setString(3, agreement.sha256());
      insert.setTimestamp(4, Timestamp.from(at));
      insert.setString(5, by);
      insert.executeUpdate();
    }
  }

  public Optional<Acceptance> find(Connection connection, UUID applicationId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT version, sha256, accepted_at FROM workflow.agreement_acceptance"
                + " WHERE application_id = ?")) {
      query.setObject(1, applicationId);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new Acceptance(row.getInt(1), row.getString(2), row.getTimestamp(3).toInstant()))
            : Optional.empty();
      }
    }
  }
}
