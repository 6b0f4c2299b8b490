package eu.clinnova.portal.api;

import eu.clinnova.portal.api.problem.Problem;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Query parameters read as text and checked here, each problem said at its field: JAX-RS answers a
 * parameter it cannot convert with 404, where the caller deserves a 400 that says why.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** The stripped text, if there is any. */
  public static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A UUID naming {@code what} ("an application id"), if given. */
  public static Optional<UUID> uuid(
      String field, String value, String what, List<Problem.FieldError> errors) {
    if (text(value).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError(field, "must be " + what + " (a UUID)"));
      return Optional.empty();
    }
  }

  /** An RFC 3339 instant in UTC, if given. */
  public static Optional<Instant> instant(
      String field, String value, List<Problem.FieldError> errors) {
    if (text(value).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value.strip()));
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError(field, "must be an RFC 3339 instant in UTC"));
      return Optional.empty();
    }
  }

  /**
   * A version number in a path ({@code …/versions/3}); anything else names nothing there: 404 with
   * {@code notFound}.
   */
  public static int versionInPath(String value, String notFound) {
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // falls through: not a version
    }
    throw new eu.clinnova.portal.api.problem.ProblemException(
        eu.clinnova.portal.api.problem.Problem.notFound(notFound));
  }

  /** A page size from 1 to {@code max}; {@code byDefault} when not given. */
  public static int limit(String value, int byDefault, int max, List<Problem.FieldError> errors) {
    if (text(value).isEmpty()) {
      return byDefault;
    }
    int limit;
    try {
      limit = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > max) {
      errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + max));
      return byDefault;
    }
    return limit;
  }

  /**
   * Where the page before ended, as a listing's {@code before} (the instant it is ordered by) and
   * {@code beforeId} (the last one's id, naming {@code what}) give it: both or neither.
   */
  public record PageEnd(Instant before, UUID beforeId) {

    public static Optional<PageEnd> of(
        String before, String beforeId, String what, List<Problem.FieldError> errors) {
      Optional<Instant> at = instant("before", before, errors);
      Optional<UUID> id = uuid("beforeId", beforeId, what, errors);
      if (at.isPresent() != id.isPresent()) {
        errors.add(
            new Problem.FieldError(
                at.isPresent() ? "beforeId" : "before",
                "before and beforeId go together: the last one shown's instant and id"));
        return Optional.empty();
      }
      return at.map(instant -> new PageEnd(instant, id.orElseThrow()));
    }

    /**
     * The {@code Link: <…>; rel="next"} of a page that ended here, {@code size} a page; the
     * request's other parameters (its filters) are kept.
     */
    public Link next(UriInfo uri, int size) {
      return Link.fromUri(
              uri.getRequestUriBuilder()
                  .replaceQueryParam("before", before.toString())
                  .replaceQueryParam("beforeId", beforeId.toString())
                  .replaceQueryParam("limit", size)
                  .build())
          .rel("next")
          .build();
    }
  }
}
