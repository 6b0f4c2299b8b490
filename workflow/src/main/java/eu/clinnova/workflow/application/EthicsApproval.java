package eu.clinnova.workflow.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An ethics approval the applicant declares for one jurisdiction: the committee, its reference
 * (checked against the jurisdiction's pattern), the days it is valid (inclusive) and the document.
 */
public record EthicsApproval(
    UUID id,
    UUID applicationId,
    String jurisdiction,
    String committee,
    String reference,
    LocalDate validFrom,
    LocalDate validUntil,
    UUID attachmentId,
    Instant addedAt) {

  public boolean isValidOn(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }
}
