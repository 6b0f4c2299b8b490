package eu.clinnova.workflow.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code workflow.entitlement}. Only its revocation may change: the application role may
 * update no other column (V3), so every other column is not updatable here either.
 */
@Entity
@Table(schema = "workflow", name = "entitlement")
class EntitlementRow {

  @Id private UUID id;

  @Column(name = "application_id", nullable = false, updatable = false)
  private UUID applicationId;

  @Column(nullable = false, updatable = false)
  private String researcher;

  @Column(name = "dataset_id", nullable = false, updatable = false)
  private String datasetId;

  /** Changed only when a steward accepts a renewed approval (the audit log keeps each). */
  @Column(name = "ethics_approval_id", nullable = false)
  private UUID ethicsApprovalId;

  @Column(name = "valid_from", nullable = false, updatable = false)
  private Instant validFrom;

  /** Moved only when a renewed ethics approval extends the access, up to requestedUntil. */
  @Column(name = "valid_until", nullable = false)
  private Instant validUntil;

  /** Until when the approval granted it, before its ethics approval's end was counted. */
  @Column(name = "requested_until", nullable = false, updatable = false)
  private Instant requestedUntil;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  @Column(name = "revoke_reason")
  private String revokeReason;

  protected EntitlementRow() {}

  EntitlementRow(Entitlement entitlement, Instant requestedUntil) {
    this(entitlement);
    this.requestedUntil = requestedUntil;
  }

  private EntitlementRow(Entitlement entitlement) {
    this.id = entitlement.id();
    this.applicationId = entitlement.applicationId();
    this.researcher = entitlement.researcher();
    this.datasetId = entitlement.datasetId();
    this.ethicsApprovalId = entitlement.ethicsApprovalId();
    this.validFrom = entitlement.validFrom();
    this.validUntil = entitlement.validUntil();
  }

  /** The same access (dataset, ethics approval, ends) for another researcher, from {@code from}. */
  EntitlementRow sharedWith(UUID newId, String member, Instant from) {
    EntitlementRow shared = new EntitlementRow();
    shared.id = newId;
    shared.applicationId = applicationId;
    shared.researcher = member;
    shared.datasetId = datasetId;
    shared.ethicsApprovalId = ethicsApprovalId;
    shared.validFrom = from;
    shared.validUntil = validUntil;
    shared.requestedUntil = requestedUntil;
    return shared;
  }

  /**
   * The access rests on another (renewed) ethics approval from now on, and lasts as long as the
   * approval granted it within that approval's validity.
   */
  void restOn(UUID approval, java.time.LocalDate approvalEnds) {
    this.ethicsApprovalId = approval;
    Instant ethicsEnd = approvalEnds.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant allowed = ethicsEnd.isBefore(requestedUntil) ? ethicsEnd : requestedUntil;
    if (allowed.isAfter(validUntil)) {
      this.validUntil = allowed;
    }
  }

  UUID ethicsApprovalId() {
    return ethicsApprovalId;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  /** False if it was revoked already. */
  boolean revoke(Instant at, String by, String reason) {
    if (revokedAt != null) {
      return false;
    }
    this.revokedAt = at;
    this.revokedBy = by;
    this.revokeReason = reason;
    return true;
  }

  /** The entitlement, given what it is read with: its dataset's jurisdiction and ethics end. */
  Entitlement entitlement(String jurisdiction, LocalDate ethicsValidUntil) {
    return new Entitlement(
        id,
        applicationId,
        researcher,
        datasetId,
        jurisdiction,
        ethicsApprovalId,
        ethicsValidUntil,
        validFrom,
        validUntil,
        Optional.ofNullable(revokedAt),
        Optional.ofNullable(revokeReason));
  }
}
