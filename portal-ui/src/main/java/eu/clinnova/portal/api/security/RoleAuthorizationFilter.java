package eu.clinnova.portal.api.security;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed} on API resources with a 403 problem. Which role is only the first
 * check: whose data it is, and which jurisdiction, is checked by each service.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RoleAuthorizationFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject RequestCaller requestCaller;

  @Override
  public void filter(ContainerRequestContext context) {
    if (Annotations.isPublic(resource)) {
      return;
    }
    Optional<Set<String>> allowed = Annotations.rolesAllowed(resource);
    if (allowed.isEmpty()) {
      return;
    }
    Caller caller = requestCaller.get();
    boolean permitted =
        caller.roles().stream().map(Role::tokenName).anyMatch(allowed.get()::contains);
    if (!permitted) {
      context.abortWith(
          Problem.forbidden("This call needs one of the roles " + sorted(allowed.get()) + ".")
              .toResponse());
    }
  }

  private static String sorted(Set<String> roles) {
    return roles.stream().sorted().toList().toString();
  }
}
