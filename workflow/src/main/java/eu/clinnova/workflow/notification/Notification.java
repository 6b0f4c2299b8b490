package eu.clinnova.workflow.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An in-app notification about an application, to one user (their id) or to a group such as {@code
 * dac-LU}: returned, decided, a reminder, an escalation, entitlements granted. As a reader sees it:
 * with the application's title and whether they have read it.
 */
public record Notification(
    long id,
    String recipient,
    UUID applicationId,
    String title,
    String kind,
    Optional<String> jurisdiction,
    Instant at,
    boolean read) {}
