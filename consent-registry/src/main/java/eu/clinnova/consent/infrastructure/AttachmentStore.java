package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.Attachment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Evidence scans in {@code consent.attachment}. */
public final class AttachmentStore {

  public void insert(Connection connection, Attachment attachment, byte[] content, String by)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.attachment"
                + " (id, psn, media_type, size_bytes, sha256, content, uploaded_at, uploaded_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, attachment.id());
      insert.setString(2, attachment.psn());
      insert.setString(3, attachment.mediaType());
      insert.setInt(4, attachment.size());
      insert.setString(5, attachment.sha256());
      insert.setBytes(6, content);
      insert.setTimestamp(7, Timestamp.from(attachment.uploadedAt()));
      insert.setString(8, by);
      insert.executeUpdate();
    }
  }

  /** The attachment's description (not its content). */
  public Optional<Attachment> find(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, psn, media_type, size_bytes, sha256, uploaded_at FROM consent.attachment"
                + " WHERE id = ?")) {
      query.setObject(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Attachment(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                row.getInt(4),
                row.getString(5),
                row.getTimestamp(6).toInstant()));
      }
    }
  }
}
