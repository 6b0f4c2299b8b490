package eu.clinnova.workflow.application;

import java.time.Instant;
import java.util.Optional;

/**
 * One thing that happened to an application (created, submitted, returned, a check passed, a
 * decision...), with the reviewer's comment where there is one. Comments are kept here, never in
 * the audit log, which carries their digests.
 */
public record ApplicationEvent(
    long id,
    Instant at,
    String kind,
    Optional<String> jurisdiction,
    String actorSub,
    String actorRole,
    Optional<String> outcome,
    Optional<String> comment) {}
