package eu.clinnova.messages.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code messages.delivery}: one e-mail to one address, and where its sending stands. */
@Entity
@Table(schema = "messages", name = "delivery")
class DeliveryRow {

  static final String PENDING = "pending";
  static final String SENT = "sent";
  static final String GAVE_UP = "gave-up";

  /** Errors are kept to this length: enough for a mail server's reply. */
  private static final int ERROR_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "outbox_id", nullable = false, updatable = false)
  private long outboxId;

  @Column(nullable = false, updatable = false)
  private String account;

  @Column(nullable = false, updatable = false)
  private String address;

  @Column(nullable = false, updatable = false)
  private String language;

  @Column(name = "subject_line", nullable = false, updatable = false)
  private String subjectLine;

  @Column(nullable = false, updatable = false)
  private String body;

  @Column(nullable = false)
  private String state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(nullable = false, updatable = false)
  private Instant deadline;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error")
  private String lastError;

  protected DeliveryRow() {}

  DeliveryRow(
      long outboxId,
      Addressee addressee,
      String language,
      String subjectLine,
      String body,
      Instant createdAt,
      Instant deadline) {
    this.outboxId = outboxId;
    this.account = addressee.account();
    this.address = addressee.address();
    this.language = language;
    this.subjectLine = subjectLine;
    this.body = body;
    this.state = PENDING;
    this.createdAt = createdAt;
    this.nextAttemptAt = createdAt;
    this.deadline = deadline;
  }

  Mail mail(String host) {
    return new Mail(
        "<delivery-" + id + "." + outboxId + "@" + host + ">",
        address,
        language,
        subjectLine,
        body);
  }

  void sent(Instant at) {
    attempts++;
    state = SENT;
    sentAt = at;
    lastError = null;
  }

  /** A failed attempt: tried again at {@code next}, or never again if that is past the deadline. */
  void failed(String error, Instant next, boolean giveUp) {
    attempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
    if (giveUp || next.isAfter(deadline)) {
      state = GAVE_UP;
    } else {
      nextAttemptAt = next;
    }
  }

  long id() {
    return id;
  }

  long outboxId() {
    return outboxId;
  }

  int attempts() {
    return attempts;
  }

  String state() {
    return state;
  }

  String lastError() {
    return lastError;
  }

  DeliveryView view(OutboxRow letter) {
    return new DeliveryView(
        id,
        outboxId,
        letter.kind(),
        letter.recipient(),
        java.util.Optional.ofNullable(letter.applicationId()),
        account,
        address,
        language,
        subjectLine,
        state,
        attempts,
        createdAt,
        nextAttemptAt,
        java.util.Optional.ofNullable(sentAt),
        java.util.Optional.ofNullable(lastError));
  }
}
