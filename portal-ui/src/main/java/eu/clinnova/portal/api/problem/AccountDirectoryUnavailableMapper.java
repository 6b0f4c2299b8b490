package eu.clinnova.portal.api.problem;

import eu.clinnova.consent.account.AccountDirectoryUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The identity provider could not link the account: 503, nothing was recorded. */
@Provider
public class AccountDirectoryUnavailableMapper
    implements ExceptionMapper<AccountDirectoryUnavailableException> {

  private static final Logger LOG =
      Logger.getLogger(AccountDirectoryUnavailableMapper.class.getName());

  @Override
  public Response toResponse(AccountDirectoryUnavailableException exception) {
    LOG.log(Level.WARNING, "Answered 503: Keycloak could not link the account", exception);
    return Problem.unavailable(
            "identity-provider-unavailable",
            "The sign-in service could not link your account now; nothing was changed."
                + " Please retry later.")
        .toResponse();
  }
}
