package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.FieldProblem;
import java.util.List;

/**
 * A request the registry refuses. Thrown inside the transaction, so whatever the request had
 * written is rolled back: a refused request leaves nothing behind. The API turns it into problem
 * details.
 */
public final class Refusal extends RuntimeException {

  /** What kind of refusal: the API maps each to its status code. */
  public enum Kind {
    INVALID,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE,
    TOO_MANY_ATTEMPTS,
    UNSUPPORTED_TYPE
  }

  private final Kind kind;
  private final String code;
  private final transient List<FieldProblem> problems;

  public Refusal(Kind kind, String code, String detail, List<FieldProblem> problems) {
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public static Refusal invalid(String detail, List<FieldProblem> problems) {
    return new Refusal(Kind.INVALID, "invalid-request", detail, problems);
  }

  public static Refusal invalid(String field, String message) {
    return invalid("The request is invalid.", List.of(new FieldProblem(field, message)));
  }

  public static Refusal notFound(String detail) {
    return new Refusal(Kind.NOT_FOUND, "not-found", detail, List.of());
  }

  public static Refusal forbidden(String detail) {
    return new Refusal(Kind.FORBIDDEN, "forbidden", detail, List.of());
  }

  public static Refusal conflict(String code, String detail) {
    return new Refusal(Kind.CONFLICT, code, detail, List.of());
  }

  public Kind kind() {
    return kind;
  }

  /** A short code for the problem type URI, such as {@code form-version-outdated}. */
  public String code() {
    return code;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
