package eu.clinnova.portal.api.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

/** Reads the security annotations of the matched resource: the method's win over its class's. */
final class Annotations {

  private Annotations() {}

  static boolean isPublic(ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return false;
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return true;
    }
    if (method.isAnnotationPresent(RolesAllowed.class)
        || method.isAnnotationPresent(DenyAll.class)) {
      return false;
    }
    return resource.getResourceClass().isAnnotationPresent(PermitAll.class);
  }

  /** The roles allowed, or empty when any authenticated caller may call. */
  static Optional<Set<String>> rolesAllowed(ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return Optional.empty();
    }
    if (method.isAnnotationPresent(DenyAll.class)) {
      return Optional.of(Set.of());
    }
    RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
    if (onMethod != null) {
      return Optional.of(Set.of(onMethod.value()));
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return Optional.empty();
    }
    RolesAllowed onClass = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    if (onClass != null) {
      return Optional.of(Set.of(onClass.value()));
    }
    if (resource.getResourceClass().isAnnotationPresent(DenyAll.class)) {
      return Optional.of(Set.of());
    }
    return Optional.empty();
  }
}
