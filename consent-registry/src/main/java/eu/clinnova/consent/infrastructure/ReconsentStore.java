package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ReconsentRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Re-consent requests in {@code consent.reconsent_request}. */
public final class ReconsentStore {

  /**
   * Asks everyone whose latest consent on {@code formId} rests on a version older than {@code
   * toVersion} to consent again, in one statement; returns the pseudonyms of those asked.
   */
  public List<String> requestForOlderVersions(
      Connection connection, String formId, int toVersion, Instant at) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.reconsent_request"
                + " (psn, form_id, from_version, to_version, trigger, requested_at)"
                + " SELECT psn, form_id, max(form_version), ?, 'major-version', ?"
                + " FROM consent.record WHERE kind = 'consent' AND form_id = ?"
                + " GROUP BY psn, form_id HAVING max(form_version) < ?"
                + " RETURNING psn")) {
      insert.setInt(1, toVersion);
      insert.setTimestamp(2, Timestamp.from(at));
      insert.setString(3, formId);
      insert.setInt(4, toVersion);
      List<String> asked = new ArrayList<>();
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          asked.add(rows.getString(1));
        }
      }
      return asked;
    }
  }

  /** Requests not yet answered by a consent record on the form at that version or newer. */
  public List<ReconsentRequest> open(Connection connection, String psn) throws SQLException {
    List<ReconsentRequest> open = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT q.id, q.psn, q.form_id, q.from_version, q.to_version, q.trigger,"
                + " q.requested_at FROM consent.reconsent_request q WHERE q.psn = ?"
                + " AND NOT EXISTS (SELECT 1 FROM consent.record r WHERE r.psn = q.psn"
                + " AND r.kind = 'consent' AND r.form_id = q.form_id"
                + " AND r.form_version >= q.to_version AND r.recorded_at >= q.requested_at"
                + " AND r.signer_kind IN ('self', 'staff-paper'))"
                + " ORDER BY q.id")) {
      query.setString(1, psn);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          open.add(
              new ReconsentRequest(
                  row.getLong(1),
                  row.getString(2),
                  row.getString(3),
                  row.getInt(4),
                  row.getInt(5),
                  row.getString(6),
                  row.getTimestamp(7).toInstant()));
        }
      }
    }
    return open;
  }
}
