package eu.clinnova.portal.api.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that JSON-B cannot bind is the client's error: 400, never 500. */
@Provider
public class UnbindableJsonMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException exception) {
    return Problem.malformedJson().toResponse();
  }
}
