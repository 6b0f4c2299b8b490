package eu.clinnova.workflow.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applications and what is appended to them, in schema {@code workflow}. */
public final class ApplicationStore {

  private static final String COLUMNS =
      "id, owner_sub, owner_name, state, document::text, jurisdictions, revision,"
          + " process_instance_id, created_at, updated_at, amends";

  public void insert(Connection connection, Application application) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.application (id, owner_sub, owner_name, state, document,"
                + " jurisdictions, revision, process_instance_id, created_at, updated_at, amends)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, application.id());
      insert.setString(2, application.ownerSub());
      insert.setString(3, application.ownerName());
      bindState(insert, 4, application);
      insert.setObject(9, Timestamp.from(application.createdAt()));
      insert.setObject(10, Timestamp.from(application.updatedAt()));
      insert.setObject(11, application.amends().orElse(null));
      insert.executeUpdate();
    }
  }

  /** Where the applicant works, once, when the application is created. */
  public void recordApplicantJurisdiction(Connection connection, UUID id, String jurisdiction)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE workflow.application SET applicant_jurisdiction = ? WHERE id = ?")) {
      update.setString(1, jurisdiction);
      update.setObject(2, id);
      update.executeUpdate();
    }
  }

  /** Where the applicant works, if known. */
  public Optional<String> applicantJurisdiction(Connection connection, UUID id)
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

  public void update(Connection connection, Application application) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE workflow.application SET state = ?, document = ?::jsonb, jurisdictions = ?,"
                + " revision = ?, process_instance_id = ?, updated_at = ? WHERE id = ?")) {
      bindState(update, 1, application);
      update.setTimestamp(6, Timestamp.from(application.updatedAt()));
      update.setObject(7, application.id());
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("no application " + application.id());
      }
    }
  }

  private static void bindState(PreparedStatement statement, int first, Application application)
      throws SQLException {
    statement.setString(first, application.state().code());
    statement.setString(first + 1, application.document().json().toString());
    statement.setArray(
        first + 2,
        statement.getConnection().createArrayOf("text", application.jurisdictions().toArray()));
    statement.setInt(first + 3, application.revision());
    statement.setString(first + 4, application.processInstanceId().orElse(null));
  }

  public Optional<Application> find(Connection connection, UUID id) throws SQLException {
    return one(connection, "SELECT " + COLUMNS + " FROM workflow.application WHERE id = ?", id);
  }

  /** The application, locked until the transaction ends: changes to one application queue. */
  public Optional<Application> lock(Connection connection, UUID id) throws SQLException {
    return one(
        connection, "SELECT " + COLUMNS + " FROM workflow.application WHERE id = ? FOR UPDATE", id);
  }

  private Optional<Application> one(Connection connection, String sql, UUID id)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, id);
      List<Application> found = read(query);
      return found.stream().findFirst();
    }
  }

  /** The amendments of an application, oldest first. */
  public List<Application> amendmentsOf(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM workflow.application WHERE amends = ? ORDER BY created_at")) {
      query.setObject(1, id);
      return read(query);
    }
  }

  public List<Application> ownedBy(Connection connection, String sub) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM workflow.application WHERE owner_sub = ?"
                + " ORDER BY updated_at DESC LIMIT 500")) {
      query.setString(1, sub);
      return read(query);
    }
  }

  /** Submitted applications (never drafts) concerning any of the jurisdictions, or all of them. */
  public List<Application> concerning(Connection connection, Collection<String> jurisdictions)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM workflow.application WHERE state <> 'draft'"
                + " AND (?::text[] IS NULL OR jurisdictions && ?::text[])"
                + " ORDER BY updated_at DESC LIMIT 500")) {
      if (jurisdictions == null) {
        query.setNull(1, Types.ARRAY);
        query.setNull(2, Types.ARRAY);
      } else {
        var array = connection.createArrayOf("text", jurisdictions.toArray());
        query.setArray(1, array);
        query.setArray(2, array);
      }
      return read(query);
    }
  }

  private static List<Application> read(PreparedStatement query) throws SQLException {
    List<Application> applications = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        List<String> jurisdictions = new ArrayList<>();
        for (Object code : (Object[]) row.getArray(6).getArray()) {
          jurisdictions.add((String) code);
        }
        applications.add(
            new Application(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                ApplicationState.fromCode(row.getString(4)),
                ApplicationDocument.stored(json(row.getString(5))),
                jurisdictions,
                row.getInt(7),
                Optional.ofNullable(row.getString(8)),
                row.getTimestamp(9).toInstant(),
                row.getTimestamp(10).toInstant(),
                Optional.ofNullable(row.getObject(11, UUID.class))));
      }
    }
    return applications;
  }

  /** One factory: {@code Json.createReader} looks its provider up on every call (~0.3 ms). */
  private static final jakarta.json.JsonReaderFactory READERS =
      Json.createReaderFactory(java.util.Map.of());

  static JsonObject json(String text) {
    try (var reader = READERS.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  // --- revisions -------------------------------------------------------------------------

  public void insertRevision(
      Connection connection,
      UUID applicationId,
      int revision,
      ApplicationDocument document,
      java.time.Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.application_revision"
                + " (application_id, revision, document, submitted_at) VALUES (?, ?, ?::jsonb, ?)")) {
      insert.setObject(1, applicationId);
      insert.setInt(2, revision);
      insert.setString(3, document.json().toString());
      insert.setTimestamp(4, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  /** A submitted revision's document. */
  public Optional<ApplicationDocument> revision(
      Connection connection, UUID applicationId, int revision) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT document::text FROM workflow.application_revision"
                + " WHERE application_id = ? AND revision = ?")) {
      query.setObject(1, applicationId);
      query.setInt(2, revision);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(ApplicationDocument.stored(json(row.getString(1))))
            : Optional.empty();
      }
    }
  }

  // --- events ----------------------------------------------------------------------------

  public void insertEvent(Connection connection, UUID applicationId, ApplicationEvent event)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.application_event (application_id, at, kind, jurisdiction,"
                + " actor_sub, actor_role, outcome, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, applicationId);
      insert.setTimestamp(2, Timestamp.from(event.at()));
      insert.setString(3, event.kind());
      insert.setString(4, event.jurisdiction().orElse(null));
      insert.setString(5, event.actorSub());
      insert.setString(6, event.actorRole());
      insert.setString(7, event.outcome().orElse(null));
      insert.setString(8, event.comment().orElse(null));
      insert.executeUpdate();
    }
  }

  /** Oldest first. */
  public List<ApplicationEvent> events(Connection connection, UUID applicationId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, at, kind, jurisdiction, actor_sub, actor_role, outcome, comment"
                + " FROM workflow.application_event WHERE application_id = ? ORDER BY id")) {
      query.setObject(1, applicationId);
      List<ApplicationEvent> events = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          events.add(
              new ApplicationEvent(
                  row.getLong(1),
                  row.getTimestamp(2).toInstant(),
                  row.getString(3),
                  Optional.ofNullable(row.getString(4)),
                  row.getString(5),
                  row.getString(6),
                  Optional.ofNullable(row.getString(7)),
                  Optional.ofNullable(row.getString(8))));
        }
      }
      return events;
    }
  }

  // --- attachments -----------------------------------------------------------------------

  public void insertAttachment(
      Connection connection, ApplicationAttachment attachment, byte[] content, String by)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.application_attachment (id, application_id, file_name,"
                + " media_type, size_bytes, sha256, content, uploaded_at, uploaded_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, attachment.id());
      insert.setObject(2, attachment.applicationId());
      insert.setString(3, attachment.fileName());
      insert.setString(4, attachment.mediaType());
      insert.setInt(5, attachment.size());
      insert.setString(6, attachment.sha256());
      insert.setBytes(7, content);
      insert.setTimestamp(8, Timestamp.from(attachment.uploadedAt()));
      insert.setString(9, by);
      insert.executeUpdate();
    }
  }

  public List<ApplicationAttachment> attachments(Connection connection, UUID applicationId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, application_id, file_name, media_type, size_bytes, sha256, uploaded_at"
                + " FROM workflow.application_attachment WHERE application_id = ?"
                + " ORDER BY uploaded_at, id")) {
      query.setObject(1, applicationId);
      List<ApplicationAttachment> attachments = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          attachments.add(
              new ApplicationAttachment(
                  row.getObject(1, UUID.class),
                  row.getObject(2, UUID.class),
                  row.getString(3),
                  row.getString(4),
                  row.getInt(5),
                  row.getString(6),
                  row.getTimestamp(7).toInstant()));
        }
      }
      return attachments;
    }
  }

  /** The bytes of an attachment of this application. */
  public Optional<byte[]> attachmentContent(
      Connection connection, UUID applicationId, UUID attachmentId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT content FROM workflow.application_attachment"
                + " WHERE application_id = ? AND id = ?")) {
      query.setObject(1, applicationId);
      query.setObject(2, attachmentId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
      }
    }
  }

  // --- ethics approvals ------------------------------------------------------------------

  public void insertEthics(Connection connection, EthicsApproval approval, String by)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.ethics_approval (id, application_id, jurisdiction, committee,"
                + " reference, valid_from, valid_until, attachment_id, added_at, added_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, approval.id());
      insert.setObject(2, approval.applicationId());
      insert.setString(3, approval.jurisdiction());
      insert.setString(4, approval.committee());
      insert.setString(5, approval.reference());
      insert.setObject(6, approval.validFrom());
      insert.setObject(7, approval.validUntil());
      insert.setObject(8, approval.attachmentId());
      insert.setTimestamp(9, Timestamp.from(approval.addedAt()));
      insert.setString(10, by);
      insert.executeUpdate();
    }
  }

  /** Oldest first. */
  public List<EthicsApproval> ethics(Connection connection, UUID applicationId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + ETHICS_COLUMNS
                + " FROM workflow.ethics_approval e WHERE e.application_id = ?"
                + " ORDER BY e.added_at, e.id")) {
      query.setObject(1, applicationId);
      return ethics(query);
    }
  }

  /**
   * The ethics approval of {@code jurisdiction} an approved application rests on, in one query: the
   * latest declared on it, on the application it amends, or on an approved amendment of it (a
   * renewal replaces what it renews). The release gate's read.
   */
  public Optional<EthicsApproval> latestEthics(
      Connection connection, Application application, String jurisdiction) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + ETHICS_COLUMNS
                + " FROM workflow.ethics_approval e JOIN workflow.application a"
                + " ON a.id = e.application_id WHERE e.jurisdiction = ? AND (a.id = ? OR a.id = ?"
                + " OR (a.amends = ? AND a.state = 'approved'))"
                + " ORDER BY e.added_at DESC, e.id DESC LIMIT 1")) {
      query.setString(1, jurisdiction);
      query.setObject(2, application.id());
      query.setObject(3, application.amends().orElse(application.id()));
      query.setObject(4, application.id());
      return ethics(query).stream().findFirst();
    }
  }

  private static final String ETHICS_COLUMNS =
      "e.id, e.application_id, e.jurisdiction, e.committee, e.reference, e.valid_from,"
          + " e.valid_until, e.attachment_id, e.added_at";

  private static List<EthicsApproval> ethics(PreparedStatement query) throws SQLException {
    List<EthicsApproval> approvals = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        approvals.add(
            new EthicsApproval(
                row.getObject(1, UUID.class),
                row.getObject(2, UUID.class),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getObject(6, java.time.LocalDate.class),
                row.getObject(7, java.time.LocalDate.class),
                row.getObject(8, UUID.class),
                row.getTimestamp(9).toInstant()));
      }
    }
    return approvals;
  }

  /**
   * The ethics approvals an application can rest on: its own, and for an amendment also those of
   * the approved application it amends (the latest per jurisdiction counts).
   */
  public List<EthicsApproval> ethicsInForce(Connection connection, Application application)
      throws SQLException {
    List<EthicsApproval> all = new ArrayList<>();
    if (application.amends().isPresent()) {
      all.addAll(ethics(connection, application.amends().get()));
    }
    all.addAll(ethics(connection, application.id()));
    return all;
  }

  // --- jurisdictions' reviews ------------------------------------------------------------

  public void saveReview(Connection connection, UUID applicationId, JurisdictionReview review)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO workflow.jurisdiction_review (application_id, jurisdiction, state,"
                + " decision, conditions, round, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (application_id, jurisdiction) DO UPDATE SET state = EXCLUDED.state,"
                + " decision = EXCLUDED.decision, conditions = EXCLUDED.conditions,"
                + " round = EXCLUDED.round, changed_at = EXCLUDED.changed_at")) {
      upsert.setObject(1, applicationId);
      upsert.setString(2, review.jurisdiction());
      upsert.setString(3, review.state());
      upsert.setString(4, review.decision().orElse(null));
      upsert.setString(5, review.conditions().orElse(null));
      upsert.setInt(6, review.round());
      upsert.setTimestamp(7, Timestamp.from(review.changedAt()));
      upsert.executeUpdate();
    }
  }

  /** In the network's order. */
  public List<JurisdictionReview> reviews(Connection connection, UUID applicationId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT jurisdiction, state, decision, conditions, round, changed_at"
                + " FROM workflow.jurisdiction_review WHERE application_id = ?"
                + " ORDER BY array_position(ARRAY['LU','FR','DE','CH'], jurisdiction)")) {
      query.setObject(1, applicationId);
      List<JurisdictionReview> reviews = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          reviews.add(
              new JurisdictionReview(
                  row.getString(1),
                  row.getString(2),
                  Optional.ofNullable(row.getString(3)),
                  Optional.ofNullable(row.getString(4)),
                  row.getInt(5),
                  row.getTimestamp(6).toInstant()));
        }
      }
      return reviews;
    }
  }
}
