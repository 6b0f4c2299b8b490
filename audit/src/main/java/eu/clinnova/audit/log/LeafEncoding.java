package eu.clinnova.audit.log;

import eu.clinnova.audit.canonical.CanonicalJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The leaf of an entry, as the contract fixes it: the RFC 8785 bytes of {@code {"v":1, "index",
 * "time", "actor":{"sub","role"}, "action", "subject":{"type","id"}, "data"}}.
 */
public final class LeafEncoding {

  public static final int VERSION = 1;

  private LeafEncoding() {}

  public static Map<String, Object> entry(long index, Instant time, AuditEvent event) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("v", VERSION);
    entry.put("index", index);
    entry.put("time", time(time));
    entry.put("actor", Map.of("sub", event.actor().sub(), "role", event.actor().role()));
    entry.put("action", event.action());
    entry.put("subject", Map.of("type", event.subject().type(), "id", event.subject().id()));
    entry.put("data", event.data());
    return entry;
  }

  public static byte[] leaf(long index, Instant time, AuditEvent event) {
    return CanonicalJson.bytes(entry(index, time, event));
  }

  /** RFC 3339 in UTC with millisecond precision, always the same length. */
  public static String time(Instant time) {
    return TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
}
