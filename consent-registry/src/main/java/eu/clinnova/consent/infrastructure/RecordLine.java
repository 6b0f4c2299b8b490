package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one patient's records in the line format of consent migration V6: per record kind, signer,
 * time in microseconds, id, decisions ({@code CODE+}/{@code CODE-}), withdrawn modules and validity
 * ends ({@code CODE=instant}), separated by spaces; {@code .} is an empty list; records separated
 * by {@code ;}.
 *
 * <p>It walks the line's bytes once, as the database sent them, and compares codes in place: a
 * 10,000-subject release decision reads ~12,000 records here, and cutting every code out as a
 * string to look it up was most of that decision's CPU (and decoding each line into a string first
 * a sixth of the decision's garbage). The format is ASCII; any other byte, and anything else it
 * does not know, is a broken projection (an exception), never a deny.
 */
final class RecordLine {

  private static final ConsentModule[] MODULES = ConsentModule.values();
  private static final RecordKind[] KINDS = RecordKind.values();
  private static final byte[][] MODULE_CODES = new byte[MODULES.length][];
  private static final byte[][] KIND_CODES = new byte[KINDS.length][];
  private static final SignerKind[] SIGNERS = SignerKind.values();
  private static final byte[][] SIGNER_CODES = new byte[SIGNERS.length][];

  // Copied, never written: a copy of an EnumMap takes its key universe without reflection.
  private static final EnumMap<ConsentModule, Decision> NO_DECISIONS =
      new EnumMap<>(ConsentModule.class);
  private static final EnumMap<ConsentModule, Instant> NO_ENDS = new EnumMap<>(ConsentModule.class);

  static {
    for (int i = 0; i < KINDS.length; i++) {
      KIND_CODES[i] = ascii(KINDS[i].name().toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < MODULES.length; i++) {
      MODULE_CODES[i] = ascii(MODULES[i].code());
    }
    for (int i = 0; i < SIGNERS.length; i++) {
      SIGNER_CODES[i] = ascii(SIGNERS[i].code());
    }
  }

  // The last few decision lists parsed on this thread: most patients decided alike, so most
  // records' decisions are one of a handful of texts, compared in place instead of parsed.
  private static final ThreadLocal<RecentDecisions> RECENT =
      ThreadLocal.withInitial(RecentDecisions::new);

  private final String psn;
  private final byte[] text;
  private final RecentDecisions recent = RECENT.get();
  private int at;
  private int recordEnd;

  private RecordLine(String psn, byte[] text) {
    this.psn = psn;
    this.text = text;
  }

  /** The records of {@code psn} stored as {@code text}, in append order. */
  static List<ConsentRecord> records(String psn, String text) {
    return records(psn, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The same from the line's bytes as the database sent them (UTF-8, ASCII by format). */
  static List<ConsentRecord> records(String psn, byte[] text) {
    if (text.length == 0) {
      return List.of();
    }
    RecordLine line = new RecordLine(psn, text);
    List<ConsentRecord> records = new ArrayList<>(2);
    while (true) {
      records.add(line.record());
      if (line.at == text.length) {
        return records;
      }
      if (text[line.at] != ';') {
        throw line.broken("record", line.at);
      }
      line.at++;
    }
  }

  private ConsentRecord record() {
    int start = at;
    recordEnd = indexOf(';', at, text.length);
    int end = fieldEnd();
    RecordKind kind = kind(start, end);
    end = nextField(end);
    SignerKind signer = signer(at, end);
    end = nextField(end);
    long micros = micros(at, end);
    end = nextField(end);
    String id = ascii(at, end, "id");
    end = nextField(end);
    Map<ConsentModule, Decision> decisions = decisions(at, end);
    end = nextField(end);
    Set<ConsentModule> withdrawn = withdrawn(at, end);
    end = nextField(end);
    Map<ConsentModule, Instant> validUntil = validUntil(at, end);
    at = end;
    if (at < text.length && text[at] == ' ') {
      throw broken("record", start);
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

  /** Where the field starting at {@link #at} ends: a space, or the end of the record. */
  private int fieldEnd() {
    int end = indexOf(' ', at, recordEnd);
    if (end == at) {
      throw broken("field", at);
    }
    return end;
  }

  /** Steps over the space after a field that ended at {@code end}; the next field's end. */
  private int nextField(int end) {
    if (end >= recordEnd || text[end] != ' ') {
      throw broken("record (it ends early)", end);
    }
    at = end + 1;
    return fieldEnd();
  }

  private RecordKind kind(int from, int to) {
    for (int i = 0; i < KINDS.length; i++) {
      if (is(KIND_CODES[i], from, to)) {
        return KINDS[i];
      }
    }
    throw broken("kind", from);
  }

  private SignerKind signer(int from, int to) {
    for (int i = 0; i < SIGNERS.length; i++) {
      if (is(SIGNER_CODES[i], from, to)) {
        return SIGNERS[i];
      }
    }
    throw broken("signer", from);
  }

  private long micros(int from, int to) {
    boolean negative = text[from] == '-';
    int digits = negative ? from + 1 : from;
    if (digits == to || to - digits > 18) {
      throw broken("time", from);
    }
    long value = 0;
    for (int i = digits; i < to; i++) {
      byte c = text[i];
      if (c < '0' || c > '9') {
        throw broken("time", from);
      }
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }

  private Map<ConsentModule, Decision> decisions(int from, int to) {
    if (isEmptyList(from, to)) {
      return NO_DECISIONS;
    }
    Map<ConsentModule, Decision> known = recent.find(text, from, to);
    if (known != null) {
      return known;
    }
    EnumMap<ConsentModule, Decision> decisions = new EnumMap<>(NO_DECISIONS);
    for (int item = from; item < to; ) {
      int end = itemEnd(item, to);
      byte sign = text[end - 1];
      Decision decision = sign == '+' ? Decision.PERMIT : sign == '-' ? Decision.DENY : null;
      if (decision == null) {
        throw broken("decision", item);
      }
      decisions.put(module(item, end - 1), decision);
      item = end + 1;
    }
    recent.remember(Arrays.copyOfRange(text, from, to), decisions);
    return decisions;
  }

  private Set<ConsentModule> withdrawn(int from, int to) {
    if (isEmptyList(from, to)) {
      return Set.of();
    }
    Set<ConsentModule> modules = EnumSet.noneOf(ConsentModule.class);
    for (int item = from; item < to; ) {
      int end = itemEnd(item, to);
      modules.add(module(item, end));
      item = end + 1;
    }
    return modules;
  }

  private Map<ConsentModule, Instant> validUntil(int from, int to) {
    if (isEmptyList(from, to)) {
      return NO_ENDS;
    }
    EnumMap<ConsentModule, Instant> ends = new EnumMap<>(NO_ENDS);
    for (int item = from; item < to; ) {
      int end = itemEnd(item, to);
      int equals = indexOf('=', item, end);
      if (equals == end) {
        throw broken("validity", item);
      }
      ends.put(module(item, equals), Instant.parse(ascii(equals + 1, end, "validity")));
      item = end + 1;
    }
    return ends;
  }

  private boolean isEmptyList(int from, int to) {
    return to - from == 1 && text[from] == '.';
  }

  /** The end of the comma-separated item starting at {@code from}; an empty item is broken. */
  private int itemEnd(int from, int to) {
    int end = indexOf(',', from, to);
    if (end == from || end == to - 1 && text[end] == ',') {
      throw broken("list", from);
    }
    return end;
  }

  private ConsentModule module(int from, int to) {
    for (int i = 0; i < MODULES.length; i++) {
      if (is(MODULE_CODES[i], from, to)) {
        return MODULES[i];
      }
    }
    throw broken("module", from);
  }

  private boolean is(byte[] code, int from, int to) {
    return Arrays.equals(text, from, to, code, 0, code.length);
  }

  /** The first {@code c} from {@code from} on, or {@code to} if there is none before it. */
  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] == c) {
        return i;
      }
    }
    return to;
  }

  /** The field as text; the format is ASCII, so any other byte is a broken line. */
  private String ascii(int from, int to, String what) {
    for (int i = from; i < to; i++) {
      if (text[i] < 0) {
        throw broken(what, from);
      }
    }
    return new String(text, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static byte[] ascii(String code) {
    return code.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Decision lists this thread parsed last, with their maps. A map handed out here is never
   * written: {@link ConsentRecord} copies what it is given.
   */
  private static final class RecentDecisions {
    private static final int SIZE = 4;
    private final byte[][] texts = new byte[SIZE][];
    private final List<Map<ConsentModule, Decision>> maps = new ArrayList<>(SIZE);
    private int next;

    RecentDecisions() {
      for (int i = 0; i < SIZE; i++) {
        maps.add(null);
      }
    }

    Map<ConsentModule, Decision> find(byte[] text, int from, int to) {
      for (int i = 0; i < SIZE; i++) {
        byte[] known = texts[i];
        if (known != null && Arrays.equals(text, from, to, known, 0, known.length)) {
          return maps.get(i);
        }
      }
      return null;
    }

    void remember(byte[] text, Map<ConsentModule, Decision> decisions) {
      texts[next] = text;
      maps.set(next, decisions);
      next = (next + 1) % SIZE;
    }
  }

  private IllegalStateException broken(String what, int where) {
    int from = Math.min(where, text.length);
    int end = indexOf(';', from, text.length);
    return new IllegalStateException(
        "unreadable "
            + what
            + " in the consent state of "
            + psn
            + " at "
            + where
            + ": "
            + new String(text, from, end - from, StandardCharsets.UTF_8));
  }
}
