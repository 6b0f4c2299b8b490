package eu.clinnova.portal.api.problem;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, and for invalid
 * input the {@code errors} array of {@code {field, message}}. Types are URIs under {@value
 * #TYPE_BASE}, one per kind of problem, documented in the OpenAPI document.
 */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://clinnova.eu/problems/";

  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<FieldError> errors = new ArrayList<>();
  private final List<String[]> headers = new ArrayList<>();

  private Problem(int status, String type, String title, String detail) {
    this.status = status;
    this.type = TYPE_BASE + type;
    this.title = title;
    this.detail = detail;
  }

  public static Problem of(Response.Status status, String type, String detail) {
    return new Problem(status.getStatusCode(), type, status.getReasonPhrase(), detail);
  }

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail);
  }

  public static Problem unauthorized(String detail) {
    return of(Response.Status.UNAUTHORIZED, "unauthorized", detail)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"clinnova\"");
  }

  public static Problem forbidden(String detail) {
    return of(Response.Status.FORBIDDEN, "forbidden", detail);
  }

  public static Problem notFound(String detail) {
    return of(Response.Status.NOT_FOUND, "not-found", detail);
  }

  /** A dependency needed for a safe answer is down: retry later, nothing was done. */
  public static Problem unavailable(String type, String detail) {
    return of(503, type, "Service Unavailable", detail).header("Retry-After", "5");
  }

  /** A body that is not JSON, or not JSON of the expected shape. */
  public static Problem malformedJson() {
    return of(
        400,
        "malformed-json",
        "Bad Request",
        "The request body is not valid JSON of the expected shape.");
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    Problem problem = of(Response.Status.BAD_REQUEST, "invalid-request", detail);
    problem.errors.addAll(errors);
    return problem;
  }

  /** Names each field concerned, as for invalid input (a 409 listing what is missing). */
  public Problem errors(List<FieldError> fieldErrors) {
    errors.addAll(fieldErrors);
    return this;
  }

  public Problem header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  public int status() {
    return status;
  }

  public String toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("type", type)
            .add("title", title)
            .add("status", status)
            .add("detail", detail);
    if (!errors.isEmpty()) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      errors.forEach(
          error ->
              array.add(
                  JSON.createObjectBuilder()
                      .add("field", error.field())
                      .add("message", error.message())));
      json.add("errors", array);
    }
    return json.build().toString();
  }

  public Response toResponse() {
    Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(toJson());
    headers.forEach(header -> response.header(header[0], header[1]));
    return response.build();
  }

  /** One invalid field of a request: a JSON pointer-like path and a readable message. */
  public record FieldError(String field, String message) {}
}
