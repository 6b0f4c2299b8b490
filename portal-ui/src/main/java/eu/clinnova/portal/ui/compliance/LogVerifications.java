package eu.clinnova.portal.ui.compliance;

import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.audit.verifier.VerificationReport;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a full verification of the log in the background, reporting how far it got. */
@ApplicationScoped
public class LogVerifications {

  @Inject AuditLogService auditLog;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService executor;

  /** A running verification: its progress (entries re-hashed) and its eventual report. */
  public record Run(AtomicLong checked, long total, CompletableFuture<VerificationReport> report) {}

  public Run start(String savedCheckpoint) {
    AtomicLong checked = new AtomicLong();
    long total = auditLog.treeSize();
    CompletableFuture<VerificationReport> report =
        CompletableFuture.supplyAsync(
            () -> auditLog.verify(savedCheckpoint, checked::set), executor);
    return new Run(checked, total, report);
  }
}
