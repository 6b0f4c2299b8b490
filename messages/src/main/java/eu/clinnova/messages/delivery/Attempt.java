package eu.clinnova.messages.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * One try to send an e-mail: when, {@code sent}, {@code failed} (tried again) or {@code refused}.
 */
public record Attempt(Instant at, String outcome, Optional<String> error) {}
