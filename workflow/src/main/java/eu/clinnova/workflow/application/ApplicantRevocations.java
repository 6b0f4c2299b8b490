package eu.clinnova.workflow.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The applicant ends their project's access (a withdrawal, a close-out): each entitlement revoked
 * is its own fact in the log, as when a committee revokes one.
 */
final class ApplicantRevocations {

  private ApplicantRevocations() {}

  /**
   * Revokes the project's entitlements that {@code which} selects, with {@code storedReason} on the
   * row and {@code loggedReason} in the log; answers how many it revoked.
   */
  static int revoke(
      EntitlementStore entitlements,
      AuditTrail auditLog,
      Caller caller,
      UUID applicationId,
      Instant now,
      Predicate<Entitlement> which,
      String storedReason,
      String loggedReason) {
    int revoked = 0;
    for (Entitlement entitlement : entitlements.ofApplication(applicationId)) {
      if (which.test(entitlement)
          && entitlements.revoke(entitlement.id(), now, caller.subject(), storedReason)) {
        revoked++;
        auditLog.record(
            new AuditEvent(
                new AuditEvent.Actor(caller.subject(), Role.RESEARCHER.tokenName()),
                "entitlement.revoked",
                new AuditEvent.Subject("entitlement", entitlement.id().toString()),
                Map.of(
                    "applicationId", applicationId.toString(),
                    "datasetId", entitlement.datasetId(),
                    "reason", loggedReason)));
      }
    }
    return revoked;
  }
}
