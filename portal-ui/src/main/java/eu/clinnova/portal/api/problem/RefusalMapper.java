package eu.clinnova.portal.api.problem;

import eu.clinnova.consent.application.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request the consent registry refused (and rolled back), as problem details. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

  @Override
  public Response toResponse(Refusal refusal) {
    Problem problem =
        switch (refusal.kind()) {
          case INVALID ->
              Problem.invalid(
                  refusal.getMessage(),
                  refusal.problems().stream()
                      .map(field -> new Problem.FieldError(field.field(), field.message()))
                      .toList());
          case FORBIDDEN ->
              "forbidden".equals(refusal.code())
                  ? Problem.forbidden(refusal.getMessage())
                  : Problem.of(403, refusal.code(), "Forbidden", refusal.getMessage());
          case NOT_FOUND -> Problem.notFound(refusal.getMessage());
          case CONFLICT ->
              Problem.of(409, refusal.code(), "Conflict", refusal.getMessage())
                  .errors(
                      refusal.problems().stream()
                          .map(field -> new Problem.FieldError(field.field(), field.message()))
                          .toList());
          case TOO_LARGE ->
              Problem.of(413, refusal.code(), "Content Too Large", refusal.getMessage());
          case TOO_MANY_ATTEMPTS ->
              Problem.of(429, refusal.code(), "Too Many Requests", refusal.getMessage())
                  .header("Retry-After", "3600");
          case UNSUPPORTED_TYPE ->
              Problem.of(415, refusal.code(), "Unsupported Media Type", refusal.getMessage());
        };
    return problem.toResponse();
  }
}
