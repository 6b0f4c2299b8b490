package eu.clinnova.workflow.application;

import java.time.Instant;
import java.util.UUID;

/** A file the applicant attached (protocol, ethics approval letter...), without its bytes. */
public record ApplicationAttachment(
    UUID id,
    UUID applicationId,
    String fileName,
    String mediaType,
    int size,
    String sha256,
    Instant uploadedAt) {}
