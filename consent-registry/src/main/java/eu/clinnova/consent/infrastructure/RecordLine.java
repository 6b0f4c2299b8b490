package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>It walks the text once and compares codes in place: a 10,000-subject release decision reads
 * ~12,000 records here, and cutting every code out as a string to look it up was most of that
 * decision's CPU. Anything it does not know is a broken projection (an exception), never a deny.
 */
final class RecordLine {

  private static final ConsentModule[] MODULES = ConsentModule.values();
  private static final RecordKind[] KINDS = RecordKind.values();
  private static final String[] KIND_CODES = new String[KINDS.length];
  private static final SignerKind[] SIGNERS = SignerKind.values();

  // Copied, never written: a copy of an EnumMap takes its key universe without reflection.
  private static final EnumMap<ConsentModule, Decision> NO_DECISIONS =
      new EnumMap<>(ConsentModule.class);
  private static final EnumMap<ConsentModule, Instant> NO_ENDS = new EnumMap<>(ConsentModule.class);

  static {
    for (int i = 0; i < KINDS.length; i++) {
      KIND_CODES[i] = KINDS[i].name().toLowerCase(Locale.ROOT);
    }
  }

  // The last few decision lists parsed on this thread: most patients decided alike, so most
  // records' decisions are one of a handful of texts, compared in place instead of parsed.
  private static final ThreadLocal<RecentDecisions> RECENT =
      ThreadLocal.withInitial(RecentDecisions::new);

  private final String psn;
  private final String text;
  private final RecentDecisions recent = RECENT.get();
  private int at;
  private int recordEnd;

  private RecordLine(String psn, String text) {
    this.psn = psn;
    this.text = text;
  }

  /** The records of {@code psn} stored as {@code text}, in append order. */
  static List<ConsentRecord> records(String psn, String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    RecordLine line = new RecordLine(psn, text);
    List<ConsentRecord> records = new ArrayList<>(2);
    while (true) {
      records.add(line.record());
      if (line.at == text.length()) {
        return records;
      }
      if (text.charAt(line.at) != ';') {
        throw line.broken("record", line.at);
      }
      line.at++;
    }
  }

  private ConsentRecord record() {
    int start = at;
    recordEnd = text.indexOf(';', at);
    if (recordEnd < 0) {
      recordEnd = text.length();
    }
    int end = fieldEnd();
    RecordKind kind = kind(start, end);
    end = nextField(end);
    SignerKind signer = signer(at, end);
    end = nextField(end);
    long micros = micros(at, end);
    end = nextField(end);
    String id = text.substring(at, end);
    end = nextField(end);
    Map<ConsentModule, Decision> decisions = decisions(at, end);
    end = nextField(end);
    Set<ConsentModule> withdrawn = withdrawn(at, end);
    end = nextField(end);
    Map<ConsentModule, Instant> validUntil = validUntil(at, end);
    at = end;
    if (at < text.length() && text.charAt(at) == ' ') {
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
    int space = text.indexOf(' ', at);
    int end = space < 0 || space > recordEnd ? recordEnd : space;
    if (end == at) {
      throw broken("field", at);
    }
    return end;
  }

  /** Steps over the space after a field that ended at {@code end}; the next field's end. */
  private int nextField(int end) {
    if (end >= recordEnd || text.charAt(end) != ' ') {
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
    for (SignerKind signer : SIGNERS) {
      if (is(signer.code(), from, to)) {
        return signer;
      }
    }
    throw broken("signer", from);
  }

  private long micros(int from, int to) {
    boolean negative = text.charAt(from) == '-';
    int digits = negative ? from + 1 : from;
    if (digits == to || to - digits > 18) {
      throw broken("time", from);
    }
    long value = 0;
    for (int i = digits; i < to; i++) {
      char c = text.charAt(i);
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
      char sign = text.charAt(end - 1);
      Decision decision = sign == '+' ? Decision.PERMIT : sign == '-' ? Decision.DENY : null;
      if (decision == null) {
        throw broken("decision", item);
      }
      decisions.put(module(item, end - 1), decision);
      item = end + 1;
    }
    recent.remember(text.substring(from, to), decisions);
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
      int equals = text.indexOf('=', item);
      if (equals < 0 || equals >= end) {
        throw broken("validity", item);
      }
      ends.put(module(item, equals), Instant.parse(text.substring(equals + 1, end)));
      item = end + 1;
    }
    return ends;
  }

  private boolean isEmptyList(int from, int to) {
    return to - from == 1 && text.charAt(from) == '.';
  }

  /** The end of the comma-separated item starting at {@code from}; an empty item is broken. */
  private int itemEnd(int from, int to) {
    int comma = text.indexOf(',', from);
    int end = comma < 0 || comma > to ? to : comma;
    if (end == from || (end == comma && end == to - 1)) {
      throw broken("list", from);
    }
    return end;
  }

  private ConsentModule module(int from, int to) {
    for (ConsentModule module : MODULES) {
      if (is(module.code(), from, to)) {
        return module;
      }
    }
    throw broken("module", from);
  }

  private boolean is(String code, int from, int to) {
    return code.length() == to - from && text.regionMatches(from, code, 0, code.length());
  }

  /**
   * Decision lists this thread parsed last, with their maps. A map handed out here is never
   * written: {@link ConsentRecord} copies what it is given.
   */
  private static final class RecentDecisions {
    private static final int SIZE = 4;
    private final String[] texts = new String[SIZE];
    private final List<Map<ConsentModule, Decision>> maps = new ArrayList<>(SIZE);
    private int next;

    RecentDecisions() {
      for (int i = 0; i < SIZE; i++) {
        maps.add(null);
      }
    }

    Map<ConsentModule, Decision> find(String text, int from, int to) {
      for (int i = 0; i < SIZE; i++) {
        String known = texts[i];
        if (known != null
            && known.length() == to - from
            && text.regionMatches(from, known, 0, known.length())) {
          return maps.get(i);
        }
      }
      return null;
    }

    void remember(String text, Map<ConsentModule, Decision> decisions) {
      texts[next] = text;
      maps.set(next, decisions);
      next = (next + 1) % SIZE;
    }
  }

  private IllegalStateException broken(String what, int where) {
    int end = text.indexOf(';', where);
    return new IllegalStateException(
        "unreadable "
            + what
            + " in the consent state of "
            + psn
            + " at "
            + where
            + ": "
            + text.substring(Math.min(where, text.length()), end < 0 ? text.length() : end));
  }
}
