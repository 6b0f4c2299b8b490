package eu.clinnova.portal.api.security;

import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current API request, set by {@link BearerAuthenticationFilter}. */
@RequestScoped
public class RequestCaller {

  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  /** The authenticated caller; a 401 problem if the request has none (a public resource). */
  public Caller get() {
    if (caller == null) {
      throw new ProblemException(Problem.unauthorized("A valid bearer token is required."));
    }
    return caller;
  }
}
