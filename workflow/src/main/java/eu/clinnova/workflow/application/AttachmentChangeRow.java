package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code workflow.attachment_change}: a file's kind as the applicant gives it, or its
 * removal from the application; appended, never changed (V20).
 */
@Entity
@Immutable
@Table(schema = "workflow", name = "attachment_change")
class AttachmentChangeRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attachment_id", nullable = false)
  private UUID attachmentId;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  private String kind;

  @Column(nullable = false)
  private boolean removed;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  protected AttachmentChangeRow() {}

  AttachmentChangeRow(
      UUID attachmentId, UUID applicationId, String kind, boolean removed, Instant at, String by) {
    this.attachmentId = attachmentId;
    this.applicationId = applicationId;
    this.kind = kind;
    this.removed = removed;
    this.changedAt = at;
    this.changedBy = by;
  }

  UUID attachmentId() {
    return attachmentId;
  }

  String kind() {
    return kind;
  }

  boolean removed() {
    return removed;
  }
}
