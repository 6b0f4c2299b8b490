package eu.clinnova.messages.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mails as the administrator reads them: newest first, with every attempt; a patient's
 * without their pseudonym or whole address ({@link DeliveryView#shown}).
 */
@ApplicationScoped
public class DeliveryLog {

  @PersistenceContext(unitName = "messages")
  private EntityManager entities;

  protected DeliveryLog() {}

  public DeliveryLog(EntityManager entities) {
    this.entities = entities;
  }

  /** The newest deliveries (in {@code state}, if given), before the id {@code before} if given. */
  public List<DeliveryView> newest(Optional<String> state, Optional<Long> before, int limit) {
    return entities
        .createQuery(
            "SELECT d, o FROM DeliveryRow d, OutboxRow o WHERE o.id = d.outboxId"
                + " AND (:state IS NULL OR d.state = :state) AND (:before IS NULL OR d.id < :before)"
                + " ORDER BY d.id DESC",
            Object[].class)
        .setParameter("state", state.orElse(null))
        .setParameter("before", before.orElse(null))
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(pair -> ((DeliveryRow) pair[0]).view((OutboxRow) pair[1]).shown())
        .toList();
  }

  /** One delivery, if it exists. */
  public Optional<DeliveryView> find(long id) {
    DeliveryRow delivery = entities.find(DeliveryRow.class, id);
    return Optional.ofNullable(delivery)
        .map(found -> found.view(entities.find(OutboxRow.class, found.outboxId())).shown());
  }

  /** The delivery's attempts, first first. */
  public List<Attempt> attempts(long deliveryId) {
    return entities
        .createQuery(
            "SELECT a FROM AttemptRow a WHERE a.deliveryId = :delivery ORDER BY a.id",
            AttemptRow.class)
        .setParameter("delivery", deliveryId)
        .getResultList()
        .stream()
        .map(AttemptRow::attempt)
        .toList();
  }

  /** A letter about one patient to one recipient: whether it was posted, and when it went out. */
  public record Notice(Instant postedAt, Optional<Instant> sentAt) {}

  /**
   * The latest letter of {@code kind} to {@code recipient} about the patient {@code psn} (such as a
   * withdrawal notice to a release's recipient), if any: what the patient is shown.
   */
  public Optional<Notice> noticeAbout(String recipient, String kind, String psn) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "SELECT o.created_at, min(d.sent_at) FROM messages.outbox o"
                    + " LEFT JOIN messages.delivery d ON d.outbox_id = o.id AND d.state = 'sent'"
                    + " WHERE o.recipient = ?1 AND o.kind = ?2 AND o.facts ->> 'psn' = ?3"
                    + " GROUP BY o.id, o.created_at ORDER BY o.id DESC LIMIT 1")
            .setParameter(1, recipient)
            .setParameter(2, kind)
            .setParameter(3, psn)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new Notice(instant(row[0]), Optional.ofNullable(row[1]).map(DeliveryLog::instant)));
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    return ((java.sql.Timestamp) value).toInstant();
  }

  /** How many deliveries are in each state. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String state : List.of(DeliveryRow.PENDING, DeliveryRow.SENT, DeliveryRow.GAVE_UP)) {
      counts.put(state, 0L);
    }
    entities
        .createQuery("SELECT d.state, COUNT(d) FROM DeliveryRow d GROUP BY d.state", Object[].class)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return counts;
  }
}
