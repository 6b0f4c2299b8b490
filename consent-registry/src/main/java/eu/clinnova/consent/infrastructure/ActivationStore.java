package eu.clinnova.consent.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Activation codes (hashes only) and the account links they made. */
public final class ActivationStore {

  /** A code that may still be used: the patient's latest, unexpired and unused. */
  public record UsableCode(long id, String psn) {}

  public void issue(
      Connection connection, String psn, String codeSha256, Instant at, Instant expires, String by)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.activation_code"
                + " (psn, code_sha256, issued_at, expires_at, issued_by) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, psn);
      insert.setString(2, codeSha256);
      insert.setTimestamp(3, Timestamp.from(at));
      insert.setTimestamp(4, Timestamp.from(expires));
      insert.setString(5, by);
      insert.executeUpdate();
    }
  }

  /**
   * The code with this hash, if it is its patient's latest, unexpired at {@code now} and unused;
   * the row is locked so that two activations with one code cannot both succeed.
   */
  public Optional<UsableCode> usable(Connection connection, String codeSha256, Instant now)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.id, c.psn FROM consent.activation_code c WHERE c.code_sha256 = ?"
                + " AND c.expires_at > ?"
                + " AND c.id = (SELECT max(id) FROM consent.activation_code l WHERE l.psn = c.psn)"
                + " AND NOT EXISTS (SELECT 1 FROM consent.account_link a WHERE a.code_id = c.id)")) {
      query.setString(1, codeSha256);
      query.setTimestamp(2, Timestamp.from(now));
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(new UsableCode(row.getLong(1), row.getString(2)))
            : Optional.empty();
      }
    }
  }

  /** Records the use of a code; false if it was used concurrently (the primary key refuses). */
  public boolean link(Connection connection, UsableCode code, String sub, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.account_link (code_id, psn, sub, linked_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (code_id) DO NOTHING")) {
      insert.setLong(1, code.id());
      insert.setString(2, code.psn());
      insert.setString(3, sub);
      insert.setTimestamp(4, Timestamp.from(at));
      return insert.executeUpdate() == 1;
    }
  }
}
