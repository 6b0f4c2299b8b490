package eu.clinnova.workflow.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Access of one researcher to one dataset through one approved application, from the acceptance of
 * the agreement until {@code validUntil}, unless revoked; it rests on the ethics approval of the
 * dataset's jurisdiction, whose end suspends it.
 */
public record Entitlement(
    UUID id,
    UUID applicationId,
    String researcher,
    String datasetId,
    String jurisdiction,
    UUID ethicsApprovalId,
    LocalDate ethicsValidUntil,
    Instant validFrom,
    Instant validUntil,
    Optional<Instant> revokedAt,
    Optional<String> revokeReason) {

  /** The status as of an instant; the first that applies wins. */
  public Status statusAt(Instant at) {
    if (revokedAt.isPresent() && !at.isBefore(revokedAt.get())) {
      return Status.REVOKED;
    }
    if (at.atZone(ZoneOffset.UTC).toLocalDate().isAfter(ethicsValidUntil)) {
      return Status.SUSPENDED;
    }
    if (!at.isBefore(validUntil)) {
      return Status.EXPIRED;
    }
    if (at.isBefore(validFrom)) {
      return Status.PENDING;
    }
    return Status.ACTIVE;
  }

  /** Statuses, with the codes the API uses. */
  public enum Status {
    ACTIVE("active"),
    PENDING("pending"),
    EXPIRED("expired"),
    SUSPENDED("suspended"),
    REVOKED("revoked");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
