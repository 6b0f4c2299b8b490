package eu.clinnova.messages.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/** A row of {@code messages.attempt}: one try to hand an e-mail to the mail server. */
@Entity
@Immutable
@Table(schema = "messages", name = "attempt")
class AttemptRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "delivery_id", nullable = false)
  private long deliveryId;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String outcome;

  private String error;

  protected AttemptRow() {}

  AttemptRow(long deliveryId, Instant at, String outcome, String error) {
    this.deliveryId = deliveryId;
    this.at = at;
    this.outcome = outcome;
    this.error = error;
  }

  Attempt attempt() {
    return new Attempt(at, outcome, Optional.ofNullable(error));
  }
}
