package eu.clinnova.portal.api.health;

import eu.clinnova.audit.service.AuditLogService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The audit log's sequencer runs and its tables can be read. */
@ApplicationScoped
class AuditLogHealthCheck implements HealthCheck {

  @Inject AuditLogService auditLog;

  @Override
  public String name() {
    return "audit-log";
  }

  @Override
  public Result check() {
    if (!auditLog.isRunning()) {
      return Result.down("Audit log not started");
    }
    try {
      auditLog.entries(0, 1);
      return Result.up(auditLog.treeSize() + " entries");
    } catch (RuntimeException e) {
      return Result.down("Audit log cannot be read");
    }
  }
}
