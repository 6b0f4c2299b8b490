package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.agreement_acceptance}: one per application, never changed. */
@Entity
@Immutable
@Table(schema = "workflow", name = "agreement_acceptance")
class AgreementAcceptanceRow {

  @Id
  @Column(name = "application_id")
  private UUID applicationId;

  @Column(nullable = false)
  private int version;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "accepted_at", nullable = false)
  private Instant acceptedAt;

  @Column(name = "accepted_by", nullable = false)
  private String acceptedBy;

  protected AgreementAcceptanceRow() {}

  AgreementAcceptanceRow(
      UUID applicationId, DataAccessAgreement agreement, Instant acceptedAt, String acceptedBy) {
    this.applicationId = applicationId;
    this.version = agreement.version();
    this.sha256 = agreement.sha256();
    this.acceptedAt = acceptedAt;
    this.acceptedBy = acceptedBy;
  }

  AgreementStore.Acceptance acceptance() {
    return new AgreementStore.Acceptance(version, sha256, acceptedAt);
  }
}
