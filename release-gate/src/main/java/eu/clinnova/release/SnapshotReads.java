package eu.clinnova.release;

import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.entitlement.Entitlement;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workflow rows the gate decides on, read over JDBC on the decision's own connection, inside
 * its REPEATABLE READ snapshot, beside the consent reads that snapshot is exported to (ADR 0014).
 * The workflow context writes these rows through its persistence unit; the gate only reads them, on
 * its hot path, where ADR 0020 keeps JDBC.
 */
final class SnapshotReads {

  private static final String DATASET =
      "SELECT id, title, description, jurisdiction, cohort, permission, disease, modifiers,"
          + " required_modules, time_limit_months, subjects, published_at"
          + " FROM workflow.dataset WHERE id = ?";

  private static final String ENTITLEMENTS =
      "SELECT e.id, e.application_id, e.researcher, e.dataset_id, d.jurisdiction,"
          + " e.ethics_approval_id, x.valid_until, e.valid_from, e.valid_until, e.revoked_at,"
          + " e.revoke_reason FROM workflow.entitlement e"
          + " JOIN workflow.dataset d ON d.id = e.dataset_id"
          + " JOIN workflow.ethics_approval x ON x.id = e.ethics_approval_id"
          + " WHERE e.application_id = ? ORDER BY d.jurisdiction, e.dataset_id";

  private SnapshotReads() {}

  static Optional<Dataset> dataset(Connection connection, String id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(DATASET)) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Set<DuoTerm> modifiers = EnumSet.noneOf(DuoTerm.class);
        texts(row.getArray(8)).forEach(modifier -> modifiers.add(DuoTerm.valueOf(modifier)));
        return Optional.of(
            new Dataset(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                new DataUse(
                    DuoTerm.valueOf(row.getString(6)),
                    Optional.ofNullable(row.getString(7)),
                    modifiers),
                texts(row.getArray(9)),
                Optional.ofNullable((Integer) row.getObject(10)),
                row.getInt(11),
                row.getTimestamp(12).toInstant()));
      }
    }
  }

  /** The application's entitlements, with their dataset's jurisdiction and ethics end. */
  static List<Entitlement> entitlementsOf(Connection connection, UUID applicationId)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(ENTITLEMENTS)) {
      query.setObject(1, applicationId);
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

  /** Whether the applicant accepted the data access agreement (any version). */
  static boolean agreementAccepted(Connection connection, UUID applicationId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM workflow.agreement_acceptance WHERE application_id = ?")) {
      query.setObject(1, applicationId);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static List<String> texts(Array array) throws SQLException {
    List<String> texts = new ArrayList<>();
    for (Object text : (Object[]) array.getArray()) {
      texts.add((String) text);
    }
    return texts;
  }
}
