package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.Disclosure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Releases per patient in {@code consent.disclosure} (written by the release gate). */
public final class DisclosureStore {

  /** The patient's disclosures, newest first. */
  public List<Disclosure> of(Connection connection, String psn) throws SQLException {
    List<Disclosure> disclosures = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT release_id, application_id, project_title, dataset_id, node, decided_at,"
                + " audit_index FROM consent.disclosure WHERE psn = ?"
                + " ORDER BY decided_at DESC, release_id")) {
      query.setString(1, psn);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          disclosures.add(
              new Disclosure(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getTimestamp(6).toInstant(),
                  row.getLong(7)));
        }
      }
    }
    return disclosures;
  }
}
