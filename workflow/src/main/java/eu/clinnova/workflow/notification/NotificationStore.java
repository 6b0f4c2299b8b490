package eu.clinnova.workflow.notification;

import eu.clinnova.messages.outbox.Letter;
import eu.clinnova.messages.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * Notifies {@code recipient} (a user id or a group such as {@code dac-LU}) in the application and
   * posts the same message for e-mail, naming the application and linking to its page, in the same
   * transaction (ADR 0024). Written at once, so that what the same transaction reads over JDBC
   * afterwards sees it (ADR 0020).
   */
  public void notify(
      String recipient, UUID applicationId, String kind, String jurisdiction, Instant at) {
    notify(recipient, Set.of(), applicationId, kind, jurisdiction, at);
  }

  /**
   * Notifies the group {@code recipient} except the accounts {@code except} (a reminder to the
   * members who have not voted), in the application and by e-mail.
   */
  public void notify(
      String recipient,
      Set<String> except,
      UUID applicationId,
      String kind,
      String jurisdiction,
      Instant at) {
    entities
        .createNativeQuery(
            "INSERT INTO workflow.notification"
                + " (recipient, application_id, kind, jurisdiction, at, except_accounts)"
                + " VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, CAST(?6 AS text[]))")
        .setParameter(1, recipient)
        .setParameter(2, applicationId)
        .setParameter(3, kind)
        .setParameter(4, jurisdiction == null ? "" : jurisdiction)
        .setParameter(5, at.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(6, textArray(except))
        .executeUpdate();
    Outbox.on(entities)
        .post(
            new Letter(
                recipient,
                kind,
                Optional.of(applicationId),
                Optional.ofNullable(jurisdiction),
                Map.of("title", title(applicationId)),
                link(recipient, applicationId),
                except),
            at);
  }

  /**
   * Reviewers open the review page of an application, administrators the deadlines, its researcher
   * their own page.
   */
  static String link(String recipient, UUID applicationId) {
    if (Notifications.ADMINISTRATORS.equals(recipient)) {
      return "/deadlines"; // administrators watch the clocks; they do not review
    }
    boolean reviewer =
        recipient.startsWith("steward-")
            || recipient.startsWith("dac-")
            || recipient.startsWith("chair-");
    return (reviewer ? "/review/application/" : "/research/application/") + applicationId;
  }

  private String title(UUID applicationId) {
    Object title =
        entities
            .createNativeQuery(
                "SELECT document ->> 'title' FROM workflow.application WHERE id = ?1")
            .setParameter(1, applicationId)
            .getSingleResult();
    return title == null ? "" : title.toString();
  }

  /**
   * The newest notifications to any of the recipients (a user id and their groups), with the
   * application's title and whether {@code account} has read each.
   */
  public List<Notification> to(String account, Collection<String> recipients, int limit) {
    if (recipients.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "SELECT n.id, n.recipient, n.application_id, a.document ->> 'title', n.kind,"
                    + " n.jurisdiction, n.at, r.read_at IS NOT NULL"
                    + " FROM workflow.notification n"
                    + " JOIN workflow.application a ON a.id = n.application_id"
                    + " LEFT JOIN workflow.notification_read r"
                    + "   ON r.notification_id = n.id AND r.account = ?1"
                    + " WHERE n.recipient = ANY (CAST(?2 AS text[]))"
                    + " AND NOT ?1 = ANY (n.except_accounts)"
                    + " ORDER BY n.id DESC LIMIT ?3")
            .setParameter(1, account)
            .setParameter(2, textArray(recipients))
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Notification(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (UUID) row[2],
                    row[3] == null ? "" : (String) row[3],
                    (String) row[4],
                    Optional.ofNullable((String) row[5]),
                    instant(row[6]),
                    (Boolean) row[7]))
        .toList();
  }

  /** How many notifications to the recipients {@code account} has not read. */
  public long unread(String account, Collection<String> recipients) {
    if (recipients.isEmpty()) {
      return 0;
    }
    return ((Number)
            entities
                .createNativeQuery(
                    "SELECT count(*) FROM workflow.notification n"
                        + " WHERE n.recipient = ANY (CAST(?2 AS text[]))"
                        + " AND NOT ?1 = ANY (n.except_accounts) AND NOT EXISTS"
                        + " (SELECT 1 FROM workflow.notification_read r"
                        + "  WHERE r.notification_id = n.id AND r.account = ?1)")
                .setParameter(1, account)
                .setParameter(2, textArray(recipients))
                .getSingleResult())
        .longValue();
  }

  /**
   * Marks the notifications {@code ids} (those among them addressed to the recipients) read by
   * {@code account}; answers how many were addressed to them. Marking twice changes nothing.
   */
  public int markRead(
      String account, Collection<String> recipients, Collection<Long> ids, Instant at) {
    if (recipients.isEmpty()) {
      return 0;
    }
    StringBuilder chosen = new StringBuilder();
    if (ids != null) {
      for (Long id : ids) {
        chosen.append(chosen.length() == 0 ? "" : ",").append(id);
      }
    }
    String filter = ids == null ? "" : " AND n.id = ANY (CAST(?4 AS bigint[]))";
    var query =
        entities
            .createNativeQuery(
                "INSERT INTO workflow.notification_read (notification_id, account, read_at)"
                    + " SELECT n.id, ?1, ?3 FROM workflow.notification n"
                    + " WHERE n.recipient = ANY (CAST(?2 AS text[]))"
                    + filter
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, account)
            .setParameter(2, textArray(recipients))
            .setParameter(3, at.atOffset(java.time.ZoneOffset.UTC));
    if (ids != null) {
      query.setParameter(4, "{" + chosen + "}");
    }
    return query.executeUpdate();
  }

  /** Whether the notification {@code id} is addressed to one of the recipients. */
  public boolean addressedTo(long id, Collection<String> recipients) {
    return !entities
        .createQuery(
            "SELECT n.id FROM NotificationRow n WHERE n.id = :id AND n.recipient IN :recipients",
            Long.class)
        .setParameter("id", id)
        .setParameter("recipients", recipients.isEmpty() ? List.of("") : recipients)
        .getResultList()
        .isEmpty();
  }

  /** A PostgreSQL array literal of texts, each quoted (recipients are ids and group names). */
  private static String textArray(Collection<String> values) {
    StringBuilder array = new StringBuilder("{");
    for (String value : values) {
      if (array.length() > 1) {
        array.append(',');
      }
      array.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return array.append('}').toString();
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
}
