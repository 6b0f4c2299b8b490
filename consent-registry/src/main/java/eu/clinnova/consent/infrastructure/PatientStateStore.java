package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code consent.patient_state}: per patient, their jurisdiction, cohorts and every record in
 * append order, kept by triggers (V5). The release gate reads many patients here in one query, one
 * row each.
 */
public final class PatientStateStore {

  /** A patient and their records in append order. */
  public record PatientRecords(Patient patient, List<ConsentRecord> records) {}

  /** One factory: {@code Json.createReader} looks its provider up on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  /** The enrolled patients among {@code psns} of {@code jurisdiction} (all if null). */
  public List<PatientRecords> of(
      Connection connection, Collection<String> psns, String jurisdiction) throws SQLException {
    List<PatientRecords> found = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT psn, jurisdiction, site, cohorts, minor, adult_on, records::text"
                + " FROM consent.patient_state WHERE psn = ANY (?)"
                + " AND (?::text IS NULL OR jurisdiction = ?::text)")) {
      query.setArray(1, connection.createArrayOf("text", psns.toArray()));
      query.setString(2, jurisdiction);
      query.setString(3, jurisdiction);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          Patient patient = PatientStore.patient(row, 1);
          found.add(new PatientRecords(patient, records(patient.psn(), row.getString(7))));
        }
      }
    }
    return found;
  }

  static List<ConsentRecord> records(String psn, String json) {
    JsonArray array;
    try (var reader = READERS.createReader(new StringReader(json))) {
      array = reader.readArray();
    }
    List<ConsentRecord> records = new ArrayList<>(array.size());
    for (JsonValue value : array) {
      JsonObject record = value.asJsonObject();
      Set<ConsentModule> withdrawn = EnumSet.noneOf(ConsentModule.class);
      record
          .getJsonArray("withdrawn")
          .forEach(code -> withdrawn.add(RecordStore.module(((JsonString) code).getString())));
      records.add(
          new ConsentRecord(
              record.getString("id"),
              psn,
              RecordKind.fromCode(record.getString("kind")),
              text(record, "formId"),
              record.get("formVersion") instanceof JsonNumber number ? number.intValue() : null,
              text(record, "language"),
              text(record, "textSha256"),
              RecordStore.decisions(record.getJsonObject("decisions")),
              withdrawn,
              SignerKind.fromCode(record.getString("signer")).orElseThrow(),
              LocalDateTime.parse(record.getString("recordedAt")).toInstant(ZoneOffset.UTC),
              RecordStore.validUntil(record.getJsonObject("validUntil"))));
    }
    return records;
  }

  private static String text(JsonObject object, String field) {
    return object.get(field) instanceof JsonString text ? text.getString() : null;
  }
}
