package eu.clinnova.consent.domain;

import java.time.Instant;

/**
 * A request that the patient consent again on {@code formId} version {@code toVersion}; it is
 * answered by any later consent record of the patient on that form at that version or newer.
 */
public record ReconsentRequest(
    long id,
    String psn,
    String formId,
    int fromVersion,
    int toVersion,
    String trigger,
    Instant requestedAt) {}
