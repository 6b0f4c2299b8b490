package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.ethics_approval}: an approval declared on an application, kept. */
@Entity
@Immutable
@Table(schema = "workflow", name = "ethics_approval")
class EthicsApprovalRow {

  @Id private UUID id;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(nullable = false)
  private String jurisdiction;

  @Column(nullable = false)
  private String committee;

  @Column(nullable = false)
  private String reference;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_until", nullable = false)
  private LocalDate validUntil;

  @Column(name = "attachment_id", nullable = false)
  private UUID attachmentId;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  @Column(name = "added_by", nullable = false)
  private String addedBy;

  protected EthicsApprovalRow() {}

  EthicsApprovalRow(EthicsApproval approval, String by) {
    this.id = approval.id();
    this.applicationId = approval.applicationId();
    this.jurisdiction = approval.jurisdiction();
    this.committee = approval.committee();
    this.reference = approval.reference();
    this.validFrom = approval.validFrom();
    this.validUntil = approval.validUntil();
    this.attachmentId = approval.attachmentId();
    this.addedAt = approval.addedAt();
    this.addedBy = by;
  }

  EthicsApproval approval() {
    return new EthicsApproval(
        id,
        applicationId,
        jurisdiction,
        committee,
        reference,
        validFrom,
        validUntil,
        attachmentId,
        addedAt);
  }
}
