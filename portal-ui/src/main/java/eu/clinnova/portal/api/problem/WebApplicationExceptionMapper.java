package eu.clinnova.portal.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method or media type) as problem details. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (exception instanceof ProblemException problemException) {
      return problemException.problem().toResponse();
    }
    int status = exception.getResponse().getStatus();
    return switch (status) {
      case 400 ->
          Problem.of(400, "bad-request", "Bad Request", "The request could not be read.")
              .toResponse();
      case 401 -> Problem.unauthorized("A valid bearer token is required.").toResponse();
      case 403 -> Problem.forbidden("You are not allowed to do this.").toResponse();
      case 404 -> Problem.notFound("There is nothing at this address.").toResponse();
      case 405 ->
          withAllow(
              Problem.of(
                  405,
                  "method-not-allowed",
                  "Method Not Allowed",
                  "This address does not accept that method."),
              exception);
      case 406 ->
          Problem.of(
                  406,
                  "not-acceptable",
                  "Not Acceptable",
                  "No representation of this resource matches the Accept header.")
              .toResponse();
      case 413 ->
          Problem.of(
                  413, "too-large", "Content Too Large", "The request body is larger than allowed.")
              .toResponse();
      case 415 ->
          Problem.of(
                  415,
                  "unsupported-media-type",
                  "Unsupported Media Type",
                  "Send this request as application/json.")
              .toResponse();
      default ->
          status >= 500
              ? UnexpectedExceptionMapper.internalError(exception)
              : Problem.of(
                      status,
                      "http-" + status,
                      Response.Status.fromStatusCode(status) == null
                          ? "Error"
                          : Response.Status.fromStatusCode(status).getReasonPhrase(),
                      "The request was refused.")
                  .toResponse();
    };
  }

  private static Response withAllow(Problem problem, WebApplicationException exception) {
    String allow = exception.getResponse().getHeaderString("Allow");
    if (allow != null) {
      problem.header("Allow", allow);
    }
    return problem.toResponse();
  }
}
