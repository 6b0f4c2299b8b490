package eu.clinnova.portal.api.problem;

import eu.clinnova.release.GateUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The gate could not read or record what a safe answer needs: 503, nothing was released. */
@Provider
public class GateUnavailableMapper implements ExceptionMapper<GateUnavailableException> {

  private static final Logger LOG = Logger.getLogger(GateUnavailableMapper.class.getName());

  @Override
  public Response toResponse(GateUnavailableException exception) {
    LOG.log(Level.WARNING, "Answered 503: the release gate's database is unavailable", exception);
    return Problem.unavailable(
            "database-unavailable",
            "The release gate cannot read or record its decision now, so nothing may be"
                + " released. Please retry later.")
        .toResponse();
  }
}
