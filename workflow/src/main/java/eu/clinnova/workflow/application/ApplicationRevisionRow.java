package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.application_revision}: the document as submitted, kept as it was. */
@Entity
@Immutable
@IdClass(ApplicationRevisionRow.Key.class)
@Table(schema = "workflow", name = "application_revision")
class ApplicationRevisionRow {

  record Key(UUID applicationId, int revision) implements Serializable {}

  @Id
  @Column(name = "application_id")
  private UUID applicationId;

  @Id private int revision;

  @ColumnTransformer(write = "cast(? as jsonb)")
  @Column(nullable = false, columnDefinition = "jsonb")
  private String document;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  protected ApplicationRevisionRow() {}

  ApplicationRevisionRow(
      UUID applicationId, int revision, ApplicationDocument document, Instant submittedAt) {
    this.applicationId = applicationId;
    this.revision = revision;
    this.document = document.json().toString();
    this.submittedAt = submittedAt;
  }

  ApplicationDocument document() {
    return ApplicationDocument.stored(ApplicationStore.json(document));
  }
}
