package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.PatientStateStore.PatientRecords;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of {@code consent.patient_state} packed into large byte arrays, found by pseudonym through
 * an open-addressing table of positions: a million patients are ~250 MB in a few dozen arrays the
 * garbage collector never has to trace, where a map of objects would be millions of them.
 *
 * <p>An entry: the pseudonym, jurisdiction, site (UTF-8) and joined cohorts, each as a two-byte
 * length and its bytes; minor (one byte); the day of majority (days since 1970-01-01, or {@link
 * Integer#MIN_VALUE} for none; four bytes); the records in the line format of migration V6, as a
 * four-byte length and the bytes.
 */
final class PatientEntries {

  private static final int CHUNK = 1 << 23;
  private static final int NO_DAY = Integer.MIN_VALUE;

  /** Where an entry starts. */
  record Entry(byte[] bytes, int at) {}

  private final List<byte[]> chunks = new ArrayList<>();
  private final long[] slots;
  private final int mask;
  private byte[] chunk = new byte[0];
  private int used;
  private int size;
  private long bytes;

  /** Room for {@code expected} patients (more are refused: the table's size is fixed). */
  PatientEntries(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  long bytes() {
    return bytes + slots.length * 8L;
  }

  /** Adds the row {@code row} stands on (columns as {@link PatientStateStore#COLUMNS}). */
  void add(ResultSet row) throws SQLException {
    byte[] entry = encode(row);
    if (size * 4L >= slots.length * 3L) {
      throw new IllegalStateException("more patients than the copy was sized for");
    }
    if (chunk.length - used < entry.length) {
      chunk = new byte[Math.max(CHUNK, entry.length)];
      chunks.add(chunk);
      used = 0;
    }
    System.arraycopy(entry, 0, chunk, used, entry.length);
    String psn = row.getString(1);
    int slot = slotOf(psn);
    if (slots[slot] != 0) {
      throw new IllegalStateException("pseudonym twice in one copy: " + psn);
    }
    slots[slot] = ((long) (chunks.size() - 1) << 32 | used) + 1;
    used += entry.length;
    bytes += entry.length;
    size++;
  }

  /** The entry of {@code psn}, or null. */
  Entry find(String psn) {
    long ref = slots[slotOf(psn)] - 1;
    return ref < 0 ? null : new Entry(chunks.get((int) (ref >>> 32)), (int) ref);
  }

  /** The slot holding {@code psn}, or the empty one where it would go. */
  private int slotOf(String psn) {
    int hash = psn.hashCode() * 0x9E3779B9;
    for (int slot = (hash ^ hash >>> 16) & mask; ; slot = (slot + 1) & mask) {
      long ref = slots[slot] - 1;
      if (ref < 0 || isPsn(chunks.get((int) (ref >>> 32)), (int) ref, psn)) {
        return slot;
      }
    }
  }

  private static boolean isPsn(byte[] bytes, int at, String psn) {
    int length = length(bytes, at);
    if (length != psn.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[at + 2 + i] != psn.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A row as an entry. */
  static byte[] encode(ResultSet row) throws SQLException {
    byte[] psn = ascii(row.getString(1), "pseudonym");
    byte[] jurisdiction = ascii(row.getString(2), "jurisdiction");
    byte[] site = row.getString(3).getBytes(StandardCharsets.UTF_8);
    byte[] cohorts = ascii(row.getString(4), "cohorts");
    boolean minor = row.getBoolean(5);
    LocalDate adultOn = row.getObject(6, LocalDate.class);
    byte[] records = row.getBytes(7);
    byte[] entry =
        new byte
            [8
                + psn.length
                + jurisdiction.length
                + site.length
                + cohorts.length
                + 9
                + records.length];
    int at = put(entry, 0, psn);
    at = put(entry, at, jurisdiction);
    at = put(entry, at, site);
    at = put(entry, at, cohorts);
    entry[at++] = (byte) (minor ? 1 : 0);
    at = putInt(entry, at, adultOn == null ? NO_DAY : Math.toIntExact(adultOn.toEpochDay()));
    at = putInt(entry, at, records.length);
    System.arraycopy(records, 0, entry, at, records.length);
    return entry;
  }

  /** The patient and records of an entry, as {@link PatientStateStore} reads them. */
  static PatientRecords decode(Entry entry) {
    byte[] bytes = entry.bytes();
    int at = entry.at();
    String psn = string(bytes, at);
    at += 2 + length(bytes, at);
    String jurisdiction = string(bytes, at);
    at += 2 + length(bytes, at);
    String site = new String(bytes, at + 2, length(bytes, at), StandardCharsets.UTF_8);
    at += 2 + length(bytes, at);
    String cohorts = string(bytes, at);
    at += 2 + length(bytes, at);
    boolean minor = bytes[at++] != 0;
    int day = getInt(bytes, at);
    int recordsLength = getInt(bytes, at + 4);
    at += 8;
    Patient patient =
        new Patient(
            psn,
            jurisdiction,
            site,
            PatientStateStore.cohorts(psn, cohorts),
            minor,
            day == NO_DAY ? null : LocalDate.ofEpochDay(day));
    return new PatientRecords(
        patient, RecordLine.records(psn, Arrays.copyOfRange(bytes, at, at + recordsLength)));
  }

  /** The jurisdiction of an entry, without decoding the rest. */
  static boolean inJurisdiction(Entry entry, String jurisdiction) {
    byte[] bytes = entry.bytes();
    int at = entry.at() + 2 + length(bytes, entry.at());
    return jurisdiction == null || isPsn(bytes, at, jurisdiction);
  }

  private static byte[] ascii(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        throw new IllegalStateException("a " + what + " not in ASCII: " + text);
      }
    }
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static int put(byte[] entry, int at, byte[] field) {
    if (field.length > 0xffff) {
      throw new IllegalStateException("a field of " + field.length + " bytes");
    }
    entry[at] = (byte) (field.length >>> 8);
    entry[at + 1] = (byte) field.length;
    System.arraycopy(field, 0, entry, at + 2, field.length);
    return at + 2 + field.length;
  }

  private static int putInt(byte[] entry, int at, int value) {
    entry[at] = (byte) (value >>> 24);
    entry[at + 1] = (byte) (value >>> 16);
    entry[at + 2] = (byte) (value >>> 8);
    entry[at + 3] = (byte) value;
    return at + 4;
  }

  private static int length(byte[] bytes, int at) {
    return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
  }

  private static int getInt(byte[] bytes, int at) {
    return (bytes[at] & 0xff) << 24
        | (bytes[at + 1] & 0xff) << 16
        | (bytes[at + 2] & 0xff) << 8
        | bytes[at + 3] & 0xff;
  }

  private static String string(byte[] bytes, int at) {
    return new String(bytes, at + 2, length(bytes, at), StandardCharsets.US_ASCII);
  }
}
