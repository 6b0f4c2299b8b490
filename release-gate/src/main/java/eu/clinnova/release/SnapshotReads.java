package eu.clinnova.release;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.entitlement.Entitlement;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workflow rows the gate decides on (the application, its ethics approval and entitlements, the
 * agreement, the dataset, where the applicant works), read over JDBC on the decision's own
 * connection, inside its REPEATABLE READ snapshot, beside the consent reads that snapshot is
 * exported to (ADR 0014). The workflow context writes these rows through its persistence unit; the
 * gate only reads them, on its hot path, where ADR 0020 keeps JDBC.
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

  private static final String APPLICATION =
      "SELECT id, owner_sub, owner_name, state, document::text, jurisdictions, revision,"
          + " process_instance_id, created_at, updated_at, amends FROM workflow.application"
          + " WHERE id = ?";

  private static final String LATEST_ETHICS =
      "SELECT e.id, e.application_id, e.jurisdiction, e.committee, e.reference, e.valid_from,"
          + " e.valid_until, e.attachment_id, e.added_at"
          + " FROM workflow.ethics_approval e JOIN workflow.application a"
          + " ON a.id = e.application_id WHERE e.jurisdiction = ? AND (a.id = ? OR a.id = ?"
          + " OR (a.amends = ? AND a.state = 'approved'))"
          + " ORDER BY e.added_at DESC, e.id DESC LIMIT 1";

  /** Looked up once: a factory per call would search the class path for a provider. */
  private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

  private SnapshotReads() {}

  static Optional<Application> application(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(APPLICATION)) {
      query.setObject(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        try (var reader = READERS.createReader(new StringReader(row.getString(5)))) {
          return Optional.of(
              new Application(
                  row.getObject(1, UUID.class),
                  row.getString(2),
                  row.getString(3),
                  ApplicationState.fromCode(row.getString(4)),
                  ApplicationDocument.stored(reader.readObject()),
                  texts(row.getArray(6)),
                  row.getInt(7),
                  Optional.ofNullable(row.getString(8)),
                  row.getTimestamp(9).toInstant(),
                  row.getTimestamp(10).toInstant(),
                  Optional.ofNullable(row.getObject(11, UUID.class))));
        }
      }
    }
  }

  /**
   * The ethics approval of {@code jurisdiction} an approved application rests on, in one query: the
   * latest declared on it, on the application it amends, or on an approved amendment of it (a
   * renewal replaces what it renews).
   */
  static Optional<EthicsApproval> latestEthics(
      Connection connection, Application application, String jurisdiction) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(LATEST_ETHICS)) {
      query.setString(1, jurisdiction);
      query.setObject(2, application.id());
      query.setObject(3, application.amends().orElse(application.id()));
      query.setObject(4, application.id());
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new EthicsApproval(
                    row.getObject(1, UUID.class),
                    row.getObject(2, UUID.class),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getObject(6, LocalDate.class),
                    row.getObject(7, LocalDate.class),
                    row.getObject(8, UUID.class),
                    row.getTimestamp(9).toInstant()))
            : Optional.empty();
      }
    }
  }

  /** Where the applicant works, if known. */
  static Optional<String> applicantJurisdiction(Connection connection, UUID id)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT applicant_jurisdiction FROM workflow.application WHERE id = ?")) {
      query.setObject(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    }
  }

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

  /**
   * Whether the recipient accepted the data access agreement (any version) in their own name: the
   * applicant for the application, or a team member for themselves (ADR 0027).
   */
  static boolean agreementAccepted(Connection connection, UUID applicationId, String recipient)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM workflow.agreement_acceptance WHERE application_id = ?"
                + " AND accepted_by = ?"
                + " UNION ALL SELECT 1 FROM workflow.member_agreement WHERE application_id = ?"
                + " AND member_sub = ?")) {
      query.setObject(1, applicationId);
      query.setString(2, recipient);
      query.setObject(3, applicationId);
      query.setString(4, recipient);
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
