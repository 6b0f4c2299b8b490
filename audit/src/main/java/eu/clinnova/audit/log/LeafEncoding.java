package eu.clinnova.audit.log;

import eu.clinnova.audit.canonical.CanonicalJson;
import java.nio.charset.StandardCharsets;
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
    return template(time, event).leaf(index);
  }

  /**
   * The leaf without its index, encoded once by the caller's thread, so that the sequencer (the
   * log's single writer) only splices the index in. The members of an entry sort as action, actor,
   * data, index, subject, time, v, so the index sits between two fixed parts.
   */
  public static Template template(Instant time, AuditEvent event) {
    String prefix =
        "{\"action\":"
            + CanonicalJson.string(event.action())
            + ",\"actor\":"
            + CanonicalJson.string(Map.of("sub", event.actor().sub(), "role", event.actor().role()))
            + ",\"data\":"
            + CanonicalJson.string(event.data())
            + ",\"index\":";
    String suffix =
        ",\"subject\":"
            + CanonicalJson.string(
                Map.of("type", event.subject().type(), "id", event.subject().id()))
            + ",\"time\":"
            + CanonicalJson.string(time(time))
            + ",\"v\":"
            + VERSION
            + "}";
    return new Template(
        prefix.getBytes(StandardCharsets.UTF_8), suffix.getBytes(StandardCharsets.UTF_8));
  }

  /** A leaf's bytes before and after its index. */
  public record Template(byte[] prefix, byte[] suffix) {
    public byte[] leaf(long index) {
      byte[] digits = Long.toString(index).getBytes(StandardCharsets.US_ASCII);
      byte[] leaf = new byte[prefix.length + digits.length + suffix.length];
      System.arraycopy(prefix, 0, leaf, 0, prefix.length);
      System.arraycopy(digits, 0, leaf, prefix.length, digits.length);
      System.arraycopy(suffix, 0, leaf, prefix.length + digits.length, suffix.length);
      return leaf;
    }
  }

  /** RFC 3339 in UTC with millisecond precision, always the same length. */
  public static String time(Instant time) {
    return TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
}
