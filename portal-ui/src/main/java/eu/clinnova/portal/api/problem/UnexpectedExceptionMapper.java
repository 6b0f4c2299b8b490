package eu.clinnova.portal.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything unexpected becomes a problem without a stack trace. A database that
 * cannot be reached is a 503 (retry later), anything else a 500 whose incident id is in the server
 * log next to the stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    if (causedByUnavailableDatabase(exception)) {
      LOG.log(Level.WARNING, "A request failed because the database is unavailable", exception);
      return Problem.unavailable(
              "dependency-unavailable",
              "A service needed for a safe answer is unavailable. Please retry later.")
          .toResponse();
    }
    return internalError(exception);
  }

  static Response internalError(Throwable exception) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
    return Problem.of(
            500,
            "internal-error",
            "Internal Server Error",
            "Something went wrong on our side. Incident " + incident + " was logged.")
        .toResponse();
  }

  private static boolean causedByUnavailableDatabase(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (cause.getClass().getName().equals("jakarta.resource.ResourceException")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
