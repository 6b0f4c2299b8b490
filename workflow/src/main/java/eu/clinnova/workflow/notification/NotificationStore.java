package eu.clinnova.workflow.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Notifications in {@code workflow.notification} (append-only), through the workflow unit. */
@ApplicationScoped
public class NotificationStore {

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected NotificationStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public NotificationStore(EntityManager entities) {
    this.entities = entities;
  }

  /**
   * Notifies {@code recipient} (a user id or a group such as {@code dac-LU}). Written at once, so
   * that what the same transaction reads over JDBC afterwards sees it (ADR 0020).
   */
  public void notify(
      String recipient, UUID applicationId, String kind, String jurisdiction, Instant at) {
    entities.persist(new NotificationRow(recipient, applicationId, kind, jurisdiction, at));
    entities.flush();
  }

  /** The newest notifications to any of the recipients (a user id and their groups). */
  public List<Notification> to(Collection<String> recipients, int limit) {
    if (recipients.isEmpty()) {
      return List.of();
    }
    return entities
        .createQuery(
            "SELECT n FROM NotificationRow n WHERE n.recipient IN :recipients ORDER BY n.id DESC",
            NotificationRow.class)
        .setParameter("recipients", recipients)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(NotificationRow::notification)
        .toList();
  }
}
