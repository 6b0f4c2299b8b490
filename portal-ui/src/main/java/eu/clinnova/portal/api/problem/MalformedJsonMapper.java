package eu.clinnova.portal.api.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON we expect is the client's error: 400, never 500. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

  @Override
  public Response toResponse(JsonException exception) {
    return Problem.malformedJson().toResponse();
  }
}
