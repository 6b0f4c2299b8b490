package eu.clinnova.workflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code workflow.notification}: written once (by the store's insert, which also names the
 * accounts a reminder is not for), never changed (a trigger refuses).
 */
@Entity
@Immutable
@Table(schema = "workflow", name = "notification")
class NotificationRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String recipient;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(nullable = false)
  private String kind;

  private String jurisdiction;

  @Column(nullable = false)
  private Instant at;

  protected NotificationRow() {}
}
