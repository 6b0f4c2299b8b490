package eu.clinnova.messages.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An e-mail as the administrator sees it: what, to whom, and where its sending stands. A patient's
 * e-mail is shown without what would tie the person to their pseudonym ({@link #shown}).
 */
public record DeliveryView(
    long id,
    long letterId,
    String kind,
    String recipient,
    Optional<UUID> applicationId,
    String account,
    String address,
    String language,
    String subject,
    String state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Optional<Instant> sentAt,
    Optional<String> lastError) {
  /**
   * What an administrator may see of this delivery: for a patient, neither the pseudonym nor the
   * whole address (an administrator reads no patient's data; a failed address is still told apart
   * by its first letter and its domain).
   */
  public DeliveryView shown() {
    if (!recipient.startsWith("patient:")) {
      return this;
    }
    int at = address.indexOf('@');
    String masked = at <= 0 ? "…" : address.charAt(0) + "…" + address.substring(at);
    return new DeliveryView(
        id,
        letterId,
        kind,
        "patient",
        applicationId,
        "",
        masked,
        language,
        subject,
        state,
        attempts,
        createdAt,
        nextAttemptAt,
        sentAt,
        lastError.map(error -> error.replace(address, masked)));
  }
}
