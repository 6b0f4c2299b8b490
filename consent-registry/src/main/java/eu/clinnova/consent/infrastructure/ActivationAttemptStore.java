package eu.clinnova.consent.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts an account's activation attempts in fixed windows ({@code consent.activation_attempts}).
 * One statement both counts and reads: the upsert locks the account's row, so two attempts at the
 * same moment are counted one after the other and each sees the other's.
 */
public final class ActivationAttemptStore {

  private static final String COUNT =
      """
      INSERT INTO consent.activation_attempts AS a (sub, window_start, attempts)
      VALUES (?, ?, 1)
      ON CONFLICT (sub) DO UPDATE SET
        window_start = CASE WHEN a.window_start <= ? THEN EXCLUDED.window_start
                            ELSE a.window_start END,
        attempts = CASE WHEN a.window_start <= ? THEN 1 ELSE a.attempts + 1 END
      RETURNING attempts
      """;

  private static final String GIVE_BACK =
      "UPDATE consent.activation_attempts SET attempts = attempts - 1"
          + " WHERE sub = ? AND attempts > 0";

  private ActivationAttemptStore() {}

  /** Counts one more attempt of {@code sub} at {@code now}; the attempts of its window so far. */
  public static int countAttempt(Connection connection, String sub, Instant now, Duration window)
      throws SQLException {
    Timestamp windowGone = Timestamp.from(now.minus(window));
    try (PreparedStatement count = connection.prepareStatement(COUNT)) {
      count.setString(1, sub);
      count.setTimestamp(2, Timestamp.from(now));
      count.setTimestamp(3, windowGone);
      count.setTimestamp(4, windowGone);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /** Takes back one attempt of {@code sub}: it turned out not to be a wrong code. */
  public static void giveBack(Connection connection, String sub) throws SQLException {
    try (PreparedStatement giveBack = connection.prepareStatement(GIVE_BACK)) {
      giveBack.setString(1, sub);
      giveBack.executeUpdate();
    }
  }
}
