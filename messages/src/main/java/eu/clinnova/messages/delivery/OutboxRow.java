package eu.clinnova.messages.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code messages.outbox} as the sender reads it (the contexts insert them through {@link
 * eu.clinnova.messages.outbox.Outbox}); only the expansion's columns change.
 */
@Entity
@Table(schema = "messages", name = "outbox")
class OutboxRow {

  @Id private Long id;

  @Column(nullable = false, updatable = false)
  private String recipient;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "application_id", updatable = false)
  private UUID applicationId;

  @Column(updatable = false)
  private String jurisdiction;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, updatable = false)
  private String facts;

  @Column(nullable = false, updatable = false)
  private String link;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "except_accounts", nullable = false, updatable = false)
  private String exceptAccounts;

  @Column(name = "expanded_at")
  private Instant expandedAt;

  @Column(name = "expansion_error")
  private String expansionError;

  protected OutboxRow() {}

  long id() {
    return id;
  }

  String recipient() {
    return recipient;
  }

  String kind() {
    return kind;
  }

  UUID applicationId() {
    return applicationId;
  }

  String jurisdiction() {
    return jurisdiction;
  }

  String facts() {
    return facts;
  }

  /** The accounts that must not get this letter (a JSON array of ids). */
  String exceptAccounts() {
    return exceptAccounts;
  }

  String link() {
    return link;
  }

  Instant createdAt() {
    return createdAt;
  }

  void expanded(Instant at) {
    expandedAt = at;
    expansionError = null;
  }

  void notExpanded(String error) {
    expansionError = error;
  }
}
