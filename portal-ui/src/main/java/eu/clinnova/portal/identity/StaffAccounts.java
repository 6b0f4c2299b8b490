package eu.clinnova.portal.identity;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.consent.application.Actors;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administrators give staff their portal roles and jurisdictions, in Keycloak, each change on the
 * record. Nobody changes their own account: an administrator cannot make themself anything.
 *
 * <p>Keycloak is not part of the portal's transaction: each change's audit entry is written first,
 * then Keycloak is changed, and a Keycloak failure rolls the entry back; only a database failure at
 * the very commit could leave a change in Keycloak without its entry.
 */
@ApplicationScoped
public class StaffAccounts {

  private final KeycloakStaff directory;
  private final AuditTrail auditLog;

  @Inject
  public StaffAccounts(KeycloakStaff directory, AuditTrail auditLog) {
    this.directory = directory;
    this.auditLog = auditLog;
  }

  /** For CDI's client proxy only. */
  protected StaffAccounts() {
    this(null, null);
  }

  public List<StaffAccount> list(Caller caller) {
    requireAdmin(caller);
    return directory.all();
  }

  /**
   * Sets the account's staff roles and jurisdictions to {@code roles} and {@code jurisdictions};
   * answers the changes made ("+dac-member", "-/LU"), each logged.
   */
  @Transactional
  public List<String> set(
      Caller caller, String userId, Set<Role> roles, Set<Jurisdiction> jurisdictions) {
    requireAdmin(caller);
    if (userId.equals(caller.subject())) {
      throw Refusal.forbidden("Nobody changes their own roles: ask another administrator.");
    }
    if (!StaffAccount.STAFF_ROLES.containsAll(roles)) {
      throw Refusal.invalid("roles", "only staff roles are given here");
    }
    StaffAccount account =
        directory.find(userId).orElseThrow(() -> Refusal.notFound("No such staff account."));
    List<String> changes = new ArrayList<>();
    for (Role role : StaffAccount.STAFF_ROLES) {
      boolean has = account.roles().contains(role);
      if (roles.contains(role) != has) {
        changes.add((has ? "-" : "+") + role.tokenName());
        record(
            caller,
            account,
            has ? "staff.role-removed" : "staff.role-granted",
            "role",
            role.tokenName());
        if (has) {
          directory.remove(userId, role);
        } else {
          directory.grant(userId, role);
        }
      }
    }
    for (Jurisdiction jurisdiction : EnumSet.allOf(Jurisdiction.class)) {
      boolean in = account.jurisdictions().contains(jurisdiction);
      if (jurisdictions.contains(jurisdiction) != in) {
        changes.add((in ? "-/" : "+/") + jurisdiction.name());
        record(
            caller,
            account,
            in ? "staff.jurisdiction-left" : "staff.jurisdiction-joined",
            "jurisdiction",
            jurisdiction.name());
        if (in) {
          directory.leave(userId, jurisdiction);
        } else {
          directory.join(userId, jurisdiction);
        }
      }
    }
    return changes;
  }

  private void record(
      Caller caller, StaffAccount account, String action, String key, String value) {
    auditLog.record(
        new AuditEvent(
            Actors.of(caller, Role.ADMIN),
            action,
            new AuditEvent.Subject("account", account.id()),
            // The log keeps the account's id; its name is resolved from Keycloak when shown.
            Map.of(key, value)));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.has(Role.ADMIN)) {
      throw Refusal.forbidden("Only an administrator manages staff accounts.");
    }
  }
}
