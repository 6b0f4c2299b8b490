package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Consent records in {@code consent.record}: inserted, never changed. */
public final class RecordStore {

  private static final String COLUMNS =
      "id, psn, kind, form_id, form_version, language, text_sha256, decisions, withdrawn,"
          + " valid_until, signer_kind, recorded_at, signer_name, recorded_by, recorder_role,"
          + " evidence, reason";

  public void insert(Connection connection, RecordEntry entry) throws SQLException {
    ConsentRecord record = entry.record();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO consent.record ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, UUID.fromString(record.id()));
      insert.setString(2, record.psn());
      insert.setString(3, record.kind().code());
      insert.setString(4, record.formId());
      insert.setObject(5, record.formVersion());
      insert.setString(6, record.language());
      insert.setString(7, record.textSha256());
      JsonObjectBuilder decisions = BUILDERS.createObjectBuilder();
      record
          .decisions()
          .forEach((module, decision) -> decisions.add(module.code(), decision.code()));
      insert.setString(8, decisions.build().toString());
      insert.setArray(
          9,
          connection.createArrayOf(
              "text", record.withdrawn().stream().map(ConsentModule::code).sorted().toArray()));
      JsonObjectBuilder validUntil = BUILDERS.createObjectBuilder();
      record
          .validUntil()
          .forEach((module, until) -> validUntil.add(module.code(), until.toString()));
      insert.setString(10, validUntil.build().toString());
      insert.setString(11, record.signer().code());
      insert.setTimestamp(12, Timestamp.from(record.recordedAt()));
      insert.setString(13, entry.signerName().orElse(null));
      insert.setString(14, entry.recordedBy());
      insert.setString(15, entry.recorderRole());
      insert.setObject(16, entry.evidence().orElse(null));
      insert.setString(17, entry.reason().orElse(null));
      insert.executeUpdate();
    }
  }

  /** A patient's records, newest first. */
  public List<RecordEntry> history(Connection connection, String psn) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM consent.record WHERE psn = ? ORDER BY seq DESC")) {
      query.setString(1, psn);
      return read(query);
    }
  }

  public Optional<RecordEntry> find(Connection connection, String psn, UUID id)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM consent.record WHERE psn = ? AND id = ?")) {
      query.setString(1, psn);
      query.setObject(2, id);
      return read(query).stream().findFirst();
    }
  }

  /** The records of many patients in one query, in append order, by patient. */
  public Map<String, List<ConsentRecord>> recordsOf(Connection connection, Collection<String> psns)
      throws SQLException {
    Map<String, List<ConsentRecord>> byPatient = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM consent.record WHERE psn = ANY(?) ORDER BY psn, seq")) {
      query.setArray(1, connection.createArrayOf("text", psns.toArray()));
      for (RecordEntry entry : read(query)) {
        byPatient
            .computeIfAbsent(entry.record().psn(), psn -> new ArrayList<>())
            .add(entry.record());
      }
    }
    return byPatient;
  }

  private static List<RecordEntry> read(PreparedStatement query) throws SQLException {
    List<RecordEntry> entries = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        entries.add(entry(row));
      }
    }
    return entries;
  }

  /** The record in columns 1 to 17 of {@code row} (the order of {@link #COLUMNS}). */
  static RecordEntry entry(ResultSet row) throws SQLException {
    Map<ConsentModule, Decision> decisions = decisions(json(row.getString(8)));
    Set<ConsentModule> withdrawn = EnumSet.noneOf(ConsentModule.class);
    for (Object code : (Object[]) row.getArray(9).getArray()) {
      withdrawn.add(module((String) code));
    }
    Map<ConsentModule, Instant> validUntil = validUntil(json(row.getString(10)));
    ConsentRecord record =
        new ConsentRecord(
            row.getObject(1, UUID.class).toString(),
            row.getString(2),
            RecordKind.fromCode(row.getString(3)),
            row.getString(4),
            (Integer) row.getObject(5),
            row.getString(6),
            row.getString(7),
            decisions,
            withdrawn,
            SignerKind.fromCode(row.getString(11)).orElseThrow(),
            row.getTimestamp(12).toInstant(),
            validUntil);
    return new RecordEntry(
        record,
        Optional.ofNullable(row.getString(13)),
        row.getString(14),
        row.getString(15),
        Optional.ofNullable(row.getObject(16, UUID.class)),
        Optional.ofNullable(row.getString(17)));
  }

  /** One factory: {@code Json.createReader} looks its provider up on every call. */
  private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private static final jakarta.json.JsonBuilderFactory BUILDERS =
      Json.createBuilderFactory(Map.of());

  private static JsonObject json(String text) {
    try (var reader = READERS.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** A record's decisions as stored: {@code {"CLINICAL-DATA": "permit", ...}}. */
  static Map<ConsentModule, Decision> decisions(JsonObject stored) {
    Map<ConsentModule, Decision> decisions = new EnumMap<>(ConsentModule.class);
    stored.forEach(
        (code, decision) ->
            decisions.put(
                module(code),
                Decision.fromCode(((JsonString) decision).getString()).orElseThrow()));
    return decisions;
  }

  /** A record's validity ends as stored: {@code {"CLINICAL-DATA": "<instant>", ...}}. */
  static Map<ConsentModule, Instant> validUntil(JsonObject stored) {
    Map<ConsentModule, Instant> validUntil = new EnumMap<>(ConsentModule.class);
    stored.forEach(
        (code, until) ->
            validUntil.put(module(code), Instant.parse(((JsonString) until).getString())));
    return validUntil;
  }

  static ConsentModule module(String code) {
    return ConsentModule.fromCode(code)
        .orElseThrow(() -> new IllegalStateException("unknown module in a stored record: " + code));
  }
}
