package eu.clinnova.workflow.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Notifications in {@code workflow.notification} (append-only). */
public final class NotificationStore {

  public void notify(
      Connection connection,
      String recipient,
      UUID applicationId,
      String kind,
      String jurisdiction,
      Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.notification (recipient, application_id, kind, jurisdiction, at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, recipient);
      insert.setObject(2, applicationId);
      insert.setString(3, kind);
      insert.setString(4, jurisdiction);
      insert.setTimestamp(5, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  /** The newest notifications to any of the recipients (a user id and their groups). */
  public List<Notification> to(Connection connection, Collection<String> recipients, int limit)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, recipient, application_id, kind, jurisdiction, at"
                + " FROM workflow.notification WHERE recipient = ANY (?) ORDER BY id DESC LIMIT ?")) {
      query.setArray(1, connection.createArrayOf("text", recipients.toArray()));
      query.setInt(2, limit);
      List<Notification> notifications = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          notifications.add(
              new Notification(
                  row.getLong(1),
                  row.getString(2),
                  row.getObject(3, UUID.class),
                  row.getString(4),
                  Optional.ofNullable(row.getString(5)),
                  row.getTimestamp(6).toInstant()));
        }
      }
      return notifications;
    }
  }
}
