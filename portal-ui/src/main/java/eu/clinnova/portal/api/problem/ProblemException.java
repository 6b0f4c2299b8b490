package eu.clinnova.portal.api.problem;

import jakarta.ws.rs.WebApplicationException;

/** Thrown by resources and services to answer with a given problem. */
public class ProblemException extends WebApplicationException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.toResponse());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
