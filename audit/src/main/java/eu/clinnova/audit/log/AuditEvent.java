package eu.clinnova.audit.log;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Something that happened and must be logged: who (actor), what (action), to what (subject), and
 * its facts (data). Only pseudonyms, ids, codes and SHA-256 digests belong here, never names or
 * free text, so that the log never has to be rewritten for privacy. Strings are therefore short and
 * the action is a dotted code such as {@code consent.withdrawn}.
 */
public record AuditEvent(Actor actor, String action, Subject subject, Map<String, Object> data) {

  static final int MAX_TEXT = 200;
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  /** Who did it: the token's subject and the role they acted in ({@code system} for the portal). */
  public record Actor(String sub, String role) {
    public Actor {
      requireCode("actor.sub", sub);
      requireCode("actor.role", role);
    }

    public static Actor system() {
      return new Actor("portal", "system");
    }
  }

  /** What it was done to: a type ({@code patient}, {@code application} ...) and an id. */
  public record Subject(String type, String id) {
    public Subject {
      requireCode("subject.type", type);
      requireCode("subject.id", id);
    }
  }

  public AuditEvent {
    if (actor == null || subject == null) {
      throw new IllegalArgumentException("an audit event names its actor and subject");
    }
    if (action == null || !ACTION.matcher(action).matches() || action.length() > MAX_TEXT) {
      throw new IllegalArgumentException("an action is a dotted lower-case code: " + action);
    }
    data = data == null ? Map.of() : Map.copyOf(data);
    checkValues(data, "data");
  }

  private static void requireCode(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(field + " must be 1 to " + MAX_TEXT + " characters");
    }
  }

  private static void checkValues(Object value, String path) {
    if (value instanceof String text && text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          path + " is longer than " + MAX_TEXT + " characters: no free text in the log");
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> checkValues(item, path + "." + key));
    } else if (value instanceof Iterable<?> list) {
      list.forEach(item -> checkValues(item, path + "[]"));
    }
  }
}
