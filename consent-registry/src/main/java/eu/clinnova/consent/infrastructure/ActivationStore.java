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

  /** What a code links: the patient's own account, or a guardian's account to a minor. */
  public enum Purpose {
    PATIENT,
    GUARDIAN;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A code that may still be used: unexpired, unused, and (for a patient's own code) the patient's
   * latest. A minor's guardians each have a code of their own, so any of those works.
   */
  public record UsableCode(long id, String psn, Purpose purpose) {}

  public void issue(
      Connection connection, String psn, String codeSha256, Instant at, Instant expires, String by)
      throws SQLException {
    issue(connection, psn, codeSha256, at, expires, by, Purpose.PATIENT);
  }

  public void issue(
      Connection connection,
      String psn,
      String codeSha256,
      Instant at,
      Instant expires,
      String by,
      Purpose purpose)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.activation_code"
                + " (psn, code_sha256, issued_at, expires_at, issued_by, purpose)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, psn);
      insert.setString(2, codeSha256);
      insert.setTimestamp(3, Timestamp.from(at));
      insert.setTimestamp(4, Timestamp.from(expires));
      insert.setString(5, by);
      insert.setString(6, purpose.code());
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
            "SELECT c.id, c.psn, c.purpose FROM consent.activation_code c"
                + " WHERE c.code_sha256 = ? AND c.expires_at > ?"
                + " AND (c.purpose = 'guardian' OR c.id = (SELECT max(id)"
                + " FROM consent.activation_code l WHERE l.psn = c.psn AND l.purpose = 'patient'))"
                + " AND NOT EXISTS (SELECT 1 FROM consent.account_link a WHERE a.code_id = c.id)"
                + " AND NOT EXISTS (SELECT 1 FROM consent.guardian_link g WHERE g.code_id = c.id)")) {
      query.setString(1, codeSha256);
      query.setTimestamp(2, Timestamp.from(now));
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new UsableCode(
                    row.getLong(1),
                    row.getString(2),
                    Purpose.valueOf(row.getString(3).toUpperCase(java.util.Locale.ROOT))))
            : Optional.empty();
      }
    }
  }

  /** Records the use of a code; false if it was used concurrently (the primary key refuses). */
  public boolean link(Connection connection, UsableCode code, String sub, Instant at)
      throws SQLException {
    String table = code.purpose() == Purpose.GUARDIAN ? "guardian_link" : "account_link";
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent."
                + table
                + " (code_id, psn, sub, linked_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (code_id) DO NOTHING")) {
      insert.setLong(1, code.id());
      insert.setString(2, code.psn());
      insert.setString(3, sub);
      insert.setTimestamp(4, Timestamp.from(at));
      return insert.executeUpdate() == 1;
    }
  }

  /** The minors whose guardian the account {@code sub} is. */
  public java.util.List<String> wardsOf(Connection connection, String sub) throws SQLException {
    java.util.List<String> wards = new java.util.ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT DISTINCT psn FROM consent.guardian_link WHERE sub = ? ORDER BY psn")) {
      query.setString(1, sub);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          wards.add(row.getString(1));
        }
      }
    }
    return wards;
  }

  public boolean isGuardian(Connection connection, String sub, String psn) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM consent.guardian_link WHERE sub = ? AND psn = ? LIMIT 1")) {
      query.setString(1, sub);
      query.setString(2, psn);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }
}
