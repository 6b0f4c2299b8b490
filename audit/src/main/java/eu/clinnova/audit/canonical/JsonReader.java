package eu.clinnova.audit.canonical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser (RFC 8259) into the values {@link CanonicalJson} writes: maps, lists,
 * strings, longs, booleans and null (fractions become {@link BigDecimal}). It lets the log's
 * verifier run with nothing but the JDK, and refuses duplicate member names, which would make a
 * leaf's meaning ambiguous.
 */
public final class JsonReader {

  private final String text;
  private final boolean canonical;
  private int position;

  private JsonReader(String text, boolean canonical) {
    this.text = text;
    this.canonical = canonical;
  }

  public static Object parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses {@code text} and fails unless it is already in RFC 8785 canonical form (for the values
   * {@link CanonicalJson} writes): no white space, members in increasing UTF-16 order, only the
   * escapes JSON requires, integers in the safe range without fraction or exponent. One pass, so a
   * verifier need not re-encode every leaf to compare.
   */
  public static Object parseCanonical(String text) {
    return parse(text, true);
  }

  private static Object parse(String text, boolean canonical) {
    JsonReader reader = new JsonReader(text, canonical);
    reader.skipWhitespace();
    Object value = reader.value();
    reader.skipWhitespace();
    if (reader.position != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private Object value() {
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    String previous = null;
    position++;
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (map.containsKey(name)) {
        throw error("duplicate member name \"" + name + "\"");
      }
      if (canonical && previous != null && previous.compareTo(name) >= 0) {
        throw error("members not in canonical order: \"" + name + "\" after \"" + previous + "\"");
      }
      previous = name;
      map.put(name, value());
      skipWhitespace();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    position++;
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value());
      skipWhitespace();
      char c = next();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        if (canonical && Character.isSurrogate(c)) {
          checkSurrogatePair(c);
        }
        out.append(c);
        continue;
      }
      char escape = next();
      if (canonical && (escape == '/' || (escape == 'u' && !controlEscape()))) {
        throw error("escape not used by the canonical form: \\" + escape);
      }
      switch (escape) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw error("short unicode escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad unicode escape");
          }
          position += 4;
        }
        default -> throw error("bad escape \\" + escape);
      }
    }
  }

  /**
   * In canonical form, {@code \\u} only escapes control characters without a short escape,
   * lower-case.
   */
  private boolean controlEscape() {
    if (position + 4 > text.length()) {
      return false;
    }
    String hex = text.substring(position, position + 4);
    if (!hex.matches("00[01][0-9a-f]")) {
      return false;
    }
    char c = (char) Integer.parseInt(hex, 16);
    return "\b\f\n\r\t".indexOf(c) < 0;
  }

  private void checkSurrogatePair(char c) {
    if (Character.isHighSurrogate(c)
        && position < text.length()
        && Character.isLowSurrogate(text.charAt(position))) {
      return;
    }
    if (Character.isLowSurrogate(c)
        && position >= 2
        && Character.isHighSurrogate(text.charAt(position - 2))) {
      return;
    }
    throw error("lone surrogate");
  }

  private Object number() {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    if (peek() == '0') {
      position++;
    } else if (peek() >= '1' && peek() <= '9') {
      while (Character.isDigit(peek())) {
        position++;
      }
    } else {
      throw error("bad number");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      position++;
      if (!Character.isDigit(peek())) {
        throw error("bad fraction");
      }
      while (Character.isDigit(peek())) {
        position++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      position++;
      if (peek() == '+' || peek() == '-') {
        position++;
      }
      if (!Character.isDigit(peek())) {
        throw error("bad exponent");
      }
      while (Character.isDigit(peek())) {
        position++;
      }
    }
    String literal = text.substring(start, position);
    if (canonical) {
      if (!integral || literal.equals("-0")) {
        throw error("not a canonical integer: " + literal);
      }
      long value;
      try {
        value = Long.parseLong(literal);
      } catch (NumberFormatException e) {
        throw error("integer outside the safe range: " + literal);
      }
      if (Math.abs(value) > CanonicalJson.MAX_SAFE_INTEGER) {
        throw error("integer outside the safe range: " + literal);
      }
      return value;
    }
    if (integral) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException e) {
        return new BigDecimal(literal);
      }
    }
    return new BigDecimal(literal);
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected literal");
    }
    position += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (position < text.length() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
      if (canonical) {
        throw error("white space outside strings");
      }
      position++;
    }
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private char next() {
    if (position >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(position++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("invalid JSON at offset " + position + ": " + message);
  }
}
