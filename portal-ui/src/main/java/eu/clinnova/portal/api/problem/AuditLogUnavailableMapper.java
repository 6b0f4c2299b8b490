package eu.clinnova.portal.api.problem;

import eu.clinnova.audit.log.AuditLogUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Without a durable audit entry nothing may happen: 503, retry later (contract, "Conventions"). */
@Provider
public class AuditLogUnavailableMapper implements ExceptionMapper<AuditLogUnavailableException> {

  private static final Logger LOG = Logger.getLogger(AuditLogUnavailableMapper.class.getName());

  @Override
  public Response toResponse(AuditLogUnavailableException exception) {
    LOG.log(Level.WARNING, "Answered 503: the audit log is unavailable", exception);
    return Problem.unavailable(
            "audit-log-unavailable",
            "The audit log cannot record this now, so nothing was done. Please retry later.")
        .toResponse();
  }
}
