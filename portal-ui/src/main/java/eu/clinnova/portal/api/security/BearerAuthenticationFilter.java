package eu.clinnova.portal.api.security;

import eu.clinnova.kernel.Caller;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.identity.CallerResolver;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Every API call needs a bearer token that WildFly's OIDC mechanism has verified, except resources
 * marked {@link PermitAll}. A browser session cookie alone never authenticates an API call, so the
 * API has no cross-site request forgery surface.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context HttpServletRequest request;
  @Inject CallerResolver callers;
  @Inject RequestCaller requestCaller;

  @Override
  public void filter(ContainerRequestContext context) {
    if (Annotations.isPublic(resource)) {
      bearerCaller(context).ifPresent(requestCaller::set);
      return;
    }
    String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !hasBearerScheme(authorization)) {
      context.abortWith(Problem.unauthorized("A bearer token is required.").toResponse());
      return;
    }
    Optional<Caller> caller = callers.resolve(request);
    if (caller.isEmpty()) {
      context.abortWith(
          Problem.unauthorized("The bearer token is invalid or has expired.").toResponse());
      return;
    }
    requestCaller.set(caller.get());
  }

  private Optional<Caller> bearerCaller(ContainerRequestContext context) {
    String authorization = context.getHeaderString(HttpHeaders.AUTHORIZATION);
    return authorization != null && hasBearerScheme(authorization)
        ? callers.resolve(request)
        : Optional.empty();
  }

  static boolean hasBearerScheme(String authorization) {
    return authorization.regionMatches(true, 0, "Bearer ", 0, 7) && authorization.length() > 7;
  }
}
