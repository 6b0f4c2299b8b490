package eu.clinnova.audit.service;

import eu.clinnova.audit.log.AuditEvent;

/**
 * Where a state change puts its audit entry: in the change's own transaction, so both commit or
 * roll back together. {@link AuditLogService} is the portal's; a service's unit test passes one
 * that keeps what was recorded, so the service is tested without a server.
 */
public interface AuditTrail {

  /** Records {@code event} in the current transaction; it is logged after the commit. */
  PendingAudit record(AuditEvent event);

  /**
   * Records every one of {@code events} in the current transaction, in order, for a bulk change
   * whose caller does not wait for their indexes (a thousand patients enrolled from a file).
   */
  default void recordAll(java.util.List<AuditEvent> events) {
    events.forEach(this::record);
  }
}
