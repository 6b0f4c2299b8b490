package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * As if weeks had passed, for the running server: a clock's date, an entitlement's end or a BPMN
 * timer's due date is moved in the database (as its superuser, the one thing a test does behind the
 * portal's back), and the real engine's job executor or the entitlement watch then acts on it as it
 * would on the day. Nothing else is changed: the steps, letters and e-mails are the portal's own.
 */
final class TimeTravel {

  private TimeTravel() {}

  /**
   * The open clock of the application's {@code step} ({@code decision}, {@code resubmission}) in
   * {@code jurisdiction} ({@code ""} for the whole application) is due {@code fromNow} from now.
   */
  static void clockDueIn(String applicationId, String jurisdiction, String step, Duration fromNow)
      throws SQLException {
    update(
        "UPDATE workflow.deadline SET started_at = least(started_at, now() - interval '90 days'),"
            + " due = now() + make_interval(secs => ?)"
            + " WHERE application_id = ?::uuid AND jurisdiction = ? AND step = ?"
            + " AND closed_at IS NULL",
        fromNow.toSeconds(),
        applicationId,
        jurisdiction,
        step);
  }

  /**
   * The application's timer on the BPMN element {@code element} is due now: the engine fires it.
   */
  static void fireTimer(String applicationId, String element) throws SQLException {
    update(
        "UPDATE act_ru_timer_job SET duedate_ = now() - interval '1 second'"
            + " WHERE element_id_ = ? AND process_instance_id_ ="
            + " (SELECT process_instance_id FROM workflow.application WHERE id = ?::uuid)",
        element,
        applicationId);
  }

  /** The entitlement ends {@code fromNow} from now (negative: it has ended; it began before). */
  static void entitlementEndsIn(String entitlementId, Duration fromNow) throws SQLException {
    update(
        "UPDATE workflow.entitlement SET valid_from = least(valid_from, now() - interval '2 days'),"
            + " valid_until = now() + make_interval(secs => ?) WHERE id = ?::uuid",
        fromNow.toSeconds(),
        entitlementId);
  }

  private static void update(String statement, Object... values) throws SQLException {
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        PreparedStatement update = connection.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value instanceof Long seconds) {
          update.setDouble(i + 1, seconds);
        } else {
          update.setString(i + 1, value.toString());
        }
      }
      assertEquals(1, update.executeUpdate(), "one row moved: " + statement);
    }
  }
}
