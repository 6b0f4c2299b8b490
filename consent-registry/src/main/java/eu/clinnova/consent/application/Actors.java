package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;

/** The actor of the audit entries a caller causes, in the role they act in. */
public final class Actors {

  private Actors() {}

  public static AuditEvent.Actor of(Caller caller, Role role) {
    return new AuditEvent.Actor(caller.subject(), role.tokenName());
  }

  /** In a role the realm does not know, such as {@code guardian} or {@code representative}. */
  public static AuditEvent.Actor of(Caller caller, String role) {
    return new AuditEvent.Actor(caller.subject(), role);
  }
}
