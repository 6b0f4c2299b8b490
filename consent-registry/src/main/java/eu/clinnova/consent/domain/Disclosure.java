package eu.clinnova.consent.domain;

import java.time.Instant;

/** A release that included the patient: who received which dataset under which application. */
public record Disclosure(
    String releaseId,
    String applicationId,
    String projectTitle,
    String datasetId,
    String node,
    Instant decidedAt,
    long auditIndex) {}
