package eu.clinnova.workflow.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A file the applicant attached (protocol, ethics approval letter...), without its bytes, with what
 * the applicant says it is, if they said.
 */
public record ApplicationAttachment(
    UUID id,
    UUID applicationId,
    String fileName,
    String mediaType,
    int size,
    String sha256,
    Instant uploadedAt,
    Optional<AttachmentKind> kind) {

  /** A file as uploaded, before anyone said what it is. */
  public ApplicationAttachment(
      UUID id,
      UUID applicationId,
      String fileName,
      String mediaType,
      int size,
      String sha256,
      Instant uploadedAt) {
    this(id, applicationId, fileName, mediaType, size, sha256, uploadedAt, Optional.empty());
  }

  ApplicationAttachment withKind(Optional<AttachmentKind> given) {
    return new ApplicationAttachment(
        id, applicationId, fileName, mediaType, size, sha256, uploadedAt, given);
  }
}
