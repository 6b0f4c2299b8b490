package eu.clinnova.audit.service;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.LoggedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The audit trail of a service's unit test: keeps each event in order, so the test reads what the
 * service put on the record. Nothing is sequenced or signed (the log's own tests cover that); an
 * entry's pending audit answers with its position.
 */
public final class RecordedAudit implements AuditTrail {

  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized PendingAudit record(AuditEvent event) {
    long index = events.size();
    events.add(event);
    return new PendingAudit(
        index,
        CompletableFuture.completedFuture(new LoggedEntry(index, new byte[32], index + 1, "")));
  }

  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** The one event recorded with {@code action}; fails the test if there is none or several. */
  public synchronized AuditEvent only(String action) {
    List<AuditEvent> found =
        events.stream().filter(event -> event.action().equals(action)).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + action + " entry, found " + found.size() + " among " + actions());
    }
    return found.get(0);
  }

  public synchronized List<String> actions() {
    return events.stream().map(AuditEvent::action).toList();
  }

  public synchronized void clear() {
    events.clear();
  }
}
