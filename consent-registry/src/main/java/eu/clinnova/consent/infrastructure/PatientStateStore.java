package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code consent.patient_state}: per patient, their jurisdiction, cohorts and, for every record in
 * append order, what a consent state is derived from, kept by triggers (V5, V6). The release gate
 * reads many patients here in one query, one row each.
 *
 * <p>The records are in the compact line format of migration V6 (kind, signer, time in
 * microseconds, id, decisions, withdrawn modules, validity ends), parsed here by hand: a JSON
 * document per patient made parsing most of a 10,000-subject decision. A record read here carries
 * no form, language or text digest: the state does not depend on them.
 */
public final class PatientStateStore {

  /** A patient and their records in append order. */
  public record PatientRecords(Patient patient, List<ConsentRecord> records) {}

  // The codes of the line format, looked up by hash: 10,000 patients' records are parsed per
  // release decision, and the enums' own lookups scan their values and build strings.
  private static final Map<String, ConsentModule> MODULES = new HashMap<>();
  private static final Map<String, RecordKind> KINDS = new HashMap<>();
  private static final Map<String, SignerKind> SIGNERS = new HashMap<>();

  static {
    for (ConsentModule module : ConsentModule.values()) {
      MODULES.put(module.code(), module);
    }
    for (RecordKind kind : RecordKind.values()) {
      KINDS.put(kind.name().toLowerCase(java.util.Locale.ROOT), kind);
    }
    for (SignerKind signer : SignerKind.values()) {
      SIGNERS.put(signer.code(), signer);
    }
  }

  /** The enrolled patients among {@code psns} of {@code jurisdiction} (all if null). */
  public List<PatientRecords> of(
      Connection connection, Collection<String> psns, String jurisdiction) throws SQLException {
    List<Patient> patients = new ArrayList<>(psns.size());
    List<String> stored = new ArrayList<>(psns.size());
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT psn, jurisdiction, site, cohorts, minor, adult_on, records"
                + " FROM consent.patient_state WHERE psn = ANY (?)"
                + " AND (?::text IS NULL OR jurisdiction = ?::text)")) {
      query.setArray(1, connection.createArrayOf("text", psns.toArray()));
      query.setString(2, jurisdiction);
      query.setString(3, jurisdiction);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          patients.add(PatientStore.patient(row, 1));
          stored.add(row.getString(7));
        }
      }
    }
    // The rows are all in; parsing is pure computation on our own data, so a large answer is
    // parsed on all cores (the database is idle meanwhile). Order is kept.
    IntStream indexes = IntStream.range(0, patients.size());
    return (patients.size() >= ConsentParallelism.FROM ? indexes.parallel() : indexes)
        .mapToObj(
            i -> new PatientRecords(patients.get(i), records(patients.get(i).psn(), stored.get(i))))
        .toList();
  }

  /** Parses the records of one patient; an unknown code is a broken projection, not a deny. */
  static List<ConsentRecord> records(String psn, String stored) {
    if (stored.isEmpty()) {
      return List.of();
    }
    List<ConsentRecord> records = new ArrayList<>(2);
    int start = 0;
    while (start <= stored.length()) {
      int end = stored.indexOf(';', start);
      if (end < 0) {
        end = stored.length();
      }
      records.add(record(psn, stored, start, end));
      start = end + 1;
    }
    return records;
  }

  private static ConsentRecord record(String psn, String stored, int from, int to) {
    Fields fields = new Fields(stored, from, to);
    RecordKind kind = code(KINDS, fields.next(), psn);
    SignerKind signer = code(SIGNERS, fields.next(), psn);
    long micros = Long.parseLong(fields.next());
    String id = fields.next();
    Map<ConsentModule, Decision> decisions = new EnumMap<>(ConsentModule.class);
    for (String item : fields.list()) {
      char sign = item.charAt(item.length() - 1);
      Decision decision = sign == '+' ? Decision.PERMIT : sign == '-' ? Decision.DENY : null;
      if (decision == null) {
        throw broken(psn, "decision", item);
      }
      decisions.put(code(MODULES, item.substring(0, item.length() - 1), psn), decision);
    }
    Set<ConsentModule> withdrawn = EnumSet.noneOf(ConsentModule.class);
    for (String module : fields.list()) {
      withdrawn.add(code(MODULES, module, psn));
    }
    Map<ConsentModule, Instant> validUntil = new EnumMap<>(ConsentModule.class);
    for (String item : fields.list()) {
      int equals = item.indexOf('=');
      validUntil.put(
          code(MODULES, item.substring(0, equals), psn), Instant.parse(item.substring(equals + 1)));
    }
    if (fields.hasMore()) {
      throw broken(psn, "record", stored.substring(from, to));
    }
    return new ConsentRecord(
        id,
        psn,
        kind,
        null,
        null,
        null,
        null,
        decisions,
        withdrawn,
        signer,
        Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
        validUntil);
  }

  private static <T> T code(Map<String, T> codes, String code, String psn) {
    T known = codes.get(code);
    if (known == null) {
      throw broken(psn, "code", code);
    }
    return known;
  }

  private static IllegalStateException broken(String psn, String what, String text) {
    return new IllegalStateException(
        "unreadable " + what + " in the consent state of " + psn + ": " + text);
  }

  /** The space-separated fields of one record. */
  private static final class Fields {
    private final String text;
    private final int end;
    private int position;

    Fields(String text, int from, int to) {
      this.text = text;
      this.position = from;
      this.end = to;
    }

    String next() {
      if (position > end) {
        throw new IllegalStateException("a consent state record ends early: " + text);
      }
      int space = text.indexOf(' ', position);
      int stop = space < 0 || space > end ? end : space;
      String field = text.substring(position, stop);
      position = stop + 1;
      return field;
    }

    /** A comma-separated field; "." is the empty list. */
    List<String> list() {
      String field = next();
      if (field.equals(".")) {
        return List.of();
      }
      List<String> items = new ArrayList<>(10);
      int start = 0;
      for (int comma = field.indexOf(','); comma >= 0; comma = field.indexOf(',', start)) {
        items.add(field.substring(start, comma));
        start = comma + 1;
      }
      items.add(field.substring(start));
      return items;
    }

    boolean hasMore() {
      return position <= end;
    }
  }
}
