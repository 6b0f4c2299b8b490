package eu.clinnova.release;

import eu.clinnova.consent.domain.Patient;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The gate's decisions ({@code workflow.release}) and their denied subjects. */
public final class ReleaseStore {

  private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
  private static final jakarta.json.JsonBuilderFactory BUILDERS =
      Json.createBuilderFactory(Map.of());

  private static final String COLUMNS =
      "id, node, application_id, dataset_id, jurisdiction, recipient, decision, reasons, modules,"
          + " requested, permitted, denials::text, requested_sha256, permitted_sha256, decided_at,"
          + " token_expires_at, audit_index, subjects_root";

  /**
   * Where the previous page ended: its last release's decision time and, to break ties between
   * releases decided in the same millisecond (a busy gate decides hundreds a second), its id.
   */
  public record PageEnd(Instant decidedAt, Optional<UUID> id) {

    /** The page ended with {@code last}: the next starts right after it. */
    public static PageEnd after(Release last) {
      return new PageEnd(last.decidedAt(), Optional.of(last.id()));
    }
  }

  /**
   * Which releases to list; every field is optional. Newest first (ties by id), paged by {@code
   * before}.
   */
  public record Search(
      Optional<String> node,
      Optional<UUID> applicationId,
      Optional<String> datasetId,
      Optional<List<String>> jurisdictions,
      Optional<String> recipient,
      Optional<Instant> from,
      Optional<Instant> to,
      Optional<PageEnd> before,
      int limit) {

    /** The same search, only within these jurisdictions (of those asked, if any were). */
    public Search within(List<String> allowed) {
      List<String> narrowed =
          jurisdictions
              .map(asked -> asked.stream().filter(allowed::contains).toList())
              .orElse(List.copyOf(allowed));
      return new Search(
          node,
          applicationId,
          datasetId,
          Optional.of(narrowed),
          recipient,
          from,
          to,
          before,
          limit);
    }

    /** The same search, only for releases to {@code sub}. */
    public Search receivedBy(String sub) {
      return new Search(
          node, applicationId, datasetId, jurisdictions, Optional.of(sub), from, to, before, limit);
    }
  }

  public void insert(Connection connection, Release release) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.release (id, node, application_id, dataset_id, jurisdiction,"
                + " recipient, decision, reasons, modules, requested, permitted, denials,"
                + " requested_sha256, permitted_sha256, decided_at, token_expires_at, audit_index,"
                + " subjects_root)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, release.id());
      insert.setString(2, release.node());
      insert.setObject(3, release.applicationId());
      insert.setString(4, release.datasetId());
      insert.setString(5, release.jurisdiction());
      insert.setString(6, release.recipient());
      insert.setString(7, release.decision().code());
      insert.setArray(8, connection.createArrayOf("text", release.reasons().toArray()));
      insert.setArray(9, connection.createArrayOf("text", release.modules().toArray()));
      insert.setInt(10, release.requested());
      insert.setInt(11, release.permitted());
      JsonObjectBuilder denials = BUILDERS.createObjectBuilder();
      release.denials().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(entry -> denials.add(entry.getKey(), entry.getValue()));
      insert.setString(12, denials.build().toString());
      insert.setString(13, release.requestedSha256());
      insert.setString(14, release.permittedSha256());
      insert.setTimestamp(15, Timestamp.from(release.decidedAt()));
      insert.setTimestamp(16, release.tokenExpiresAt().map(Timestamp::from).orElse(null));
      insert.setLong(17, release.auditIndex());
      insert.setString(18, release.subjectsRoot().orElse(null));
      insert.executeUpdate();
    }
  }

  /** The denied subjects of a release: one row per reason, whatever their number. */
  public void insertDenials(Connection connection, UUID releaseId, List<Release.Denial> denials)
      throws SQLException {
    Map<String, List<String>> byReason = new java.util.TreeMap<>();
    denials.forEach(
        denial ->
            byReason
                .computeIfAbsent(denial.reason(), reason -> new ArrayList<>())
                .add(denial.psn()));
    if (byReason.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO workflow.release_denial (release_id, reason, psns)"
                + " VALUES (?, ?, string_to_array(?, ','))")) {
      for (Map.Entry<String, List<String>> reason : byReason.entrySet()) {
        insert.setObject(1, releaseId);
        insert.setString(2, reason.getKey());
        insert.setString(3, Patient.joinPseudonyms(reason.getValue()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  public Optional<Release> find(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM workflow.release WHERE id = ?")) {
      query.setObject(1, id);
      List<Release> found = read(query);
      return found.stream().findFirst();
    }
  }

  public List<Release> search(Connection connection, Search search) throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM workflow.release WHERE true");
    List<Object> parameters = new ArrayList<>();
    search.node().ifPresent(node -> add(sql, parameters, " AND node = ?", node));
    search.applicationId().ifPresent(id -> add(sql, parameters, " AND application_id = ?", id));
    search.datasetId().ifPresent(id -> add(sql, parameters, " AND dataset_id = ?", id));
    if (search.jurisdictions().isPresent()) {
      add(
          sql,
          parameters,
          " AND jurisdiction = ANY (?)",
          connection.createArrayOf("text", search.jurisdictions().get().toArray()));
    }
    search.recipient().ifPresent(sub -> add(sql, parameters, " AND recipient = ?", sub));
    search.from().ifPresent(at -> add(sql, parameters, " AND decided_at >= ?", Timestamp.from(at)));
    search.to().ifPresent(at -> add(sql, parameters, " AND decided_at < ?", Timestamp.from(at)));
    search
        .before()
        .ifPresent(
            end -> {
              Timestamp at = Timestamp.from(end.decidedAt());
              if (end.id().isPresent()) {
                sql.append(" AND (decided_at < ? OR (decided_at = ? AND id > ?))");
                parameters.add(at);
                parameters.add(at);
                parameters.add(end.id().get());
              } else {
                add(sql, parameters, " AND decided_at < ?", at);
              }
            });
    sql.append(" ORDER BY decided_at DESC, id LIMIT ?");
    parameters.add(search.limit());
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i) instanceof Array array) {
          query.setArray(i + 1, array);
        } else {
          query.setObject(i + 1, parameters.get(i));
        }
      }
      return read(query);
    }
  }

  /** The denied subjects of a release, by pseudonym, at most {@code limit}. */
  public List<Release.Denial> denials(Connection connection, UUID releaseId, int limit)
      throws SQLException {
    List<Release.Denial> denials = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT psn, reason FROM workflow.release_denial, unnest(psns) AS psn"
                + " WHERE release_id = ? ORDER BY psn LIMIT ?")) {
      query.setObject(1, releaseId);
      query.setInt(2, limit);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          denials.add(new Release.Denial(row.getString(1), row.getString(2)));
        }
      }
    }
    return denials;
  }

  private static void add(StringBuilder sql, List<Object> parameters, String clause, Object value) {
    sql.append(clause);
    parameters.add(value);
  }

  private static List<Release> read(PreparedStatement query) throws SQLException {
    List<Release> releases = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        Timestamp expires = row.getTimestamp(16);
        releases.add(
            new Release(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getObject(3, UUID.class),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                Release.Decision.fromCode(row.getString(7)),
                texts(row.getArray(8)),
                texts(row.getArray(9)),
                row.getInt(10),
                row.getInt(11),
                counts(row.getString(12)),
                row.getString(13),
                row.getString(14),
                row.getTimestamp(15).toInstant(),
                Optional.ofNullable(expires).map(Timestamp::toInstant),
                row.getLong(17),
                Optional.ofNullable(row.getString(18))));
      }
    }
    return releases;
  }

  private static List<String> texts(Array array) throws SQLException {
    List<String> texts = new ArrayList<>();
    for (Object text : (Object[]) array.getArray()) {
      texts.add((String) text);
    }
    return texts;
  }

  private static Map<String, Integer> counts(String json) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (var reader = READERS.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      object.forEach((reason, count) -> counts.put(reason, ((JsonNumber) count).intValue()));
    }
    return counts;
  }
}
