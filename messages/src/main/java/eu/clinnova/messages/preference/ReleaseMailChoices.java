package eu.clinnova.messages.preference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which patients asked to be told when a release used their data: read on the releasing
 * transaction's own connection, from the few preference rows that say so (a partial index), so that
 * a release of thousands of patients costs one small read.
 */
public final class ReleaseMailChoices {

  private ReleaseMailChoices() {}

  /** Those of {@code psns} who opted in. */
  public static List<String> wanting(Connection connection, Collection<String> psns)
      throws SQLException {
    if (psns.isEmpty()) {
      return List.of();
    }
    Set<String> optedIn = new HashSet<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT psn FROM messages.preference"
                    + " WHERE email_releases_of_my_data AND psn IS NOT NULL");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        optedIn.add(rows.getString(1));
      }
    }
    return psns.stream().filter(optedIn::contains).sorted().toList();
  }
}
