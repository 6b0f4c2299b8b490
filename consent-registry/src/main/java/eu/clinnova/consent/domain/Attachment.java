package eu.clinnova.consent.domain;

import java.time.Instant;
import java.util.UUID;

/** A scanned paper form kept as evidence: its type, size and SHA-256 (content stored apart). */
public record Attachment(
    UUID id, String psn, String mediaType, int size, String sha256, Instant uploadedAt) {}
