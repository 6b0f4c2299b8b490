package eu.clinnova.workflow.entitlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Entitlements in {@code workflow.entitlement}, with their dataset's jurisdiction and ethics end.
 */
public final class EntitlementStore {

  private static final String SELECT =
      "SELECT e.id, e.application_id, e.researcher, e.dataset_id, d.jurisdiction,"
          + " e.ethics_approval_id, x.valid_until, e.valid_from, e.valid_until, e.revoked_at,"
          + " e.revoke_reason FROM workflow.entitlement e"
          + " JOIN workflow.dataset d ON d.id = e.dataset_id"
          + " JOIN workflow.ethics_approval x ON x.id = e.ethics_approval_id";

  public void insert(Connection connection, Entitlement entitlement) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.entitlement (id, application_id, researcher, dataset_id,"
                + " ethics_approval_id, valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, entitlement.id());
      insert.setObject(2, entitlement.applicationId());
      insert.setString(3, entitlement.researcher());
      insert.setString(4, entitlement.datasetId());
      insert.setObject(5, entitlement.ethicsApprovalId());
      insert.setTimestamp(6, Timestamp.from(entitlement.validFrom()));
      insert.setTimestamp(7, Timestamp.from(entitlement.validUntil()));
      insert.executeUpdate();
    }
  }

  /** False if it was already revoked. */
  public boolean revoke(Connection connection, UUID id, Instant at, String by, String reason)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE workflow.entitlement SET revoked_at = ?, revoked_by = ?, revoke_reason = ?"
                + " WHERE id = ? AND revoked_at IS NULL")) {
      update.setTimestamp(1, Timestamp.from(at));
      update.setString(2, by);
      update.setString(3, reason);
      update.setObject(4, id);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * Unrevoked entitlements that have lapsed by {@code now} (ended, or their ethics approval ended
   * before {@code today}) and whose lapse has not been recorded with that status yet.
   */
  public List<Entitlement> unrecordedLapses(Connection connection, Instant now)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            SELECT
                + " WHERE e.revoked_at IS NULL"
                + " AND (e.valid_until <= ? OR x.valid_until < (?::timestamptz AT TIME ZONE 'UTC')::date)"
                + " AND NOT EXISTS (SELECT 1 FROM workflow.entitlement_lapse l"
                + "   WHERE l.entitlement_id = e.id"
                + "   AND l.status = CASE WHEN x.valid_until < (?::timestamptz AT TIME ZONE 'UTC')::date"
                + "     THEN 'suspended' ELSE 'expired' END)"
                + " ORDER BY e.valid_until LIMIT 1000")) {
      Timestamp at = Timestamp.from(now);
      query.setTimestamp(1, at);
      query.setString(2, now.toString());
      query.setString(3, now.toString());
      return read(query);
    }
  }

  public void recordLapse(Connection connection, UUID id, String status, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.entitlement_lapse (entitlement_id, status, observed_at)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setObject(1, id);
      insert.setString(2, status);
      insert.setTimestamp(3, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  public Optional<Entitlement> find(Connection connection, UUID id) throws SQLException {
    return list(connection, " WHERE e.id = ?", id).stream().findFirst();
  }

  public List<Entitlement> ofApplication(Connection connection, UUID applicationId)
      throws SQLException {
    return list(
        connection,
        " WHERE e.application_id = ? ORDER BY d.jurisdiction, e.dataset_id",
        applicationId);
  }

  public List<Entitlement> ofResearcher(Connection connection, String researcher)
      throws SQLException {
    return list(connection, " WHERE e.researcher = ? ORDER BY e.valid_from DESC", researcher);
  }

  /** Entitlements to datasets of the jurisdictions given, or all with {@code null}. */
  public List<Entitlement> inJurisdictions(Connection connection, List<String> jurisdictions)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            SELECT
                + " WHERE (?::text[] IS NULL OR d.jurisdiction = ANY (?::text[]))"
                + " ORDER BY e.valid_from DESC LIMIT 1000")) {
      var array =
          jurisdictions == null ? null : connection.createArrayOf("text", jurisdictions.toArray());
      query.setArray(1, array);
      query.setArray(2, array);
      return read(query);
    }
  }

  private List<Entitlement> list(Connection connection, String where, Object parameter)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SELECT + where)) {
      query.setObject(1, parameter);
      return read(query);
    }
  }

  private static List<Entitlement> read(PreparedStatement query) throws SQLException {
    List<Entitlement> entitlements = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        Timestamp revoked = row.getTimestamp(10);
        entitlements.add(
            new Entitlement(
                row.getObject(1, UUID.class),
                row.getObject(2, UUID.class),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getObject(6, UUID.class),
                row.getObject(7, LocalDate.class),
                row.getTimestamp(8).toInstant(),
                row.getTimestamp(9).toInstant(),
                Optional.ofNullable(revoked).map(Timestamp::toInstant),
                Optional.ofNullable(row.getString(11))));
      }
    }
    return entitlements;
  }
}
