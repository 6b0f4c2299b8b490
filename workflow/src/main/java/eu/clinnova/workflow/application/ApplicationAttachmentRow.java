package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code workflow.application_attachment}, bytes included, append-only. Lists read the
 * description only (a projection); the bytes are read one file at a time.
 */
@Entity
@Immutable
@Table(schema = "workflow", name = "application_attachment")
class ApplicationAttachmentRow {

  @Id private UUID id;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private int size;

  @Column(nullable = false)
  private String sha256;

  @Column(nullable = false)
  private byte[] content;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  protected ApplicationAttachmentRow() {}

  ApplicationAttachmentRow(ApplicationAttachment attachment, byte[] content, String by) {
    this.id = attachment.id();
    this.applicationId = attachment.applicationId();
    this.fileName = attachment.fileName();
    this.mediaType = attachment.mediaType();
    this.size = attachment.size();
    this.sha256 = attachment.sha256();
    this.content = content.clone();
    this.uploadedAt = attachment.uploadedAt();
    this.uploadedBy = by;
  }
}
