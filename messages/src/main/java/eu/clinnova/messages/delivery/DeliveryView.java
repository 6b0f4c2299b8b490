package eu.clinnova.messages.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An e-mail as the administrator sees it: what, to whom, and where its sending stands. */
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
    Optional<String> lastError) {}
