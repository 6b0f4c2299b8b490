package eu.clinnova.workflow.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Votes and declared conflicts in {@code workflow.vote} (append-only). */
public final class VoteStore {

  /** False if the member already spoke in this round (nothing written). */
  public boolean insert(Connection connection, UUID applicationId, Vote vote) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.vote (application_id, jurisdiction, round, member_sub,"
                + " member_name, conflict, vote, reason, cast_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setObject(1, applicationId);
      insert.setString(2, vote.jurisdiction());
      insert.setInt(3, vote.round());
      insert.setString(4, vote.memberSub());
      insert.setString(5, vote.memberName());
      insert.setBoolean(6, vote.conflict());
      insert.setString(7, vote.vote().orElse(null));
      insert.setString(8, vote.reason().orElse(null));
      insert.setTimestamp(9, Timestamp.from(vote.castAt()));
      return insert.executeUpdate() == 1;
    }
  }

  /** Every vote on the application, in the order cast. */
  public List<Vote> votes(Connection connection, UUID applicationId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT jurisdiction, round, member_sub, member_name, conflict, vote, reason, cast_at"
                + " FROM workflow.vote WHERE application_id = ? ORDER BY cast_at, member_sub")) {
      query.setObject(1, applicationId);
      List<Vote> votes = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          votes.add(
              new Vote(
                  row.getString(1),
                  row.getInt(2),
                  row.getString(3),
                  row.getString(4),
                  row.getBoolean(5),
                  Optional.ofNullable(row.getString(6)),
                  Optional.ofNullable(row.getString(7)),
                  row.getTimestamp(8).toInstant()));
        }
      }
      return votes;
    }
  }
}
