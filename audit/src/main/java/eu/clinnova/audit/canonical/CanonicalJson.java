package eu.clinnova.audit.canonical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serializes a JSON value to its RFC 8785 (JCS) canonical UTF-8 bytes: members sorted by their
 * names' UTF-16 code units, no white space, strings escaped as ECMAScript's JSON.stringify does.
 * Values are {@link Map} (string keys), {@link List}, {@link String}, integral {@link Number}s
 * within the I-JSON safe range (±2^53 - 1), {@link Boolean} and null. Log entries hold ids, codes,
 * times and digests, never fractions, so floating-point numbers are refused rather than
 * approximated.
 */
public final class CanonicalJson {

  /** Largest integer that every JSON parser represents exactly (I-JSON, RFC 7493). */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  public static byte[] bytes(Object value) {
    return string(value).getBytes(StandardCharsets.UTF_8);
  }

  public static String string(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      writeString(text, out);
    } else if (value instanceof Boolean bool) {
      out.append(bool ? "true" : "false");
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      long number = ((Number) value).longValue();
      if (Math.abs(number) > MAX_SAFE_INTEGER) {
        throw new IllegalArgumentException("integer outside the I-JSON safe range: " + number);
      }
      out.append(number);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(
          "not a canonical JSON value: " + value.getClass().getName());
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out) {
    List<String> names = new ArrayList<>(map.size());
    for (Object key : map.keySet()) {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException("object member names must be strings: " + key);
      }
      names.add(name);
    }
    // String.compareTo compares UTF-16 code units, exactly what RFC 8785 section 3.2.3 asks.
    names.sort(String::compareTo);
    out.append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeString(names.get(i), out);
      out.append(':');
      write(map.get(names.get(i)), out);
    }
    out.append('}');
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("lone surrogate in a string (not I-JSON)");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
