package eu.clinnova.audit.service;

import eu.clinnova.audit.log.AuditLogUnavailableException;
import eu.clinnova.audit.log.LoggedEntry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An entry recorded in the caller's transaction. After that transaction commits, {@link
 * #awaitLogged} gives its index in the log (the API answers with it).
 */
public final class PendingAudit {

  private final long pendingId;
  private final CompletableFuture<LoggedEntry> logged;

  /**
   * An entry recorded as {@code pendingId}, logged when {@code logged} completes. Public for other
   * {@link AuditTrail}s (a unit test's); the portal's are made by {@link AuditLogService}.
   */
  public PendingAudit(long pendingId, CompletableFuture<LoggedEntry> logged) {
    this.pendingId = pendingId;
    this.logged = logged;
  }

  public LoggedEntry awaitLogged(Duration timeout) {
    try {
      return logged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AuditLogUnavailableException(
          "the entry is recorded but not yet in the log; it will be logged when the log is back",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditLogUnavailableException("interrupted while waiting for the log", e);
    }
  }
}
