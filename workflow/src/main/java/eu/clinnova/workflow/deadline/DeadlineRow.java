package eu.clinnova.workflow.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code workflow.deadline}. */
@Entity
@Table(schema = "workflow", name = "deadline")
class DeadlineRow {

  @Id private UUID id;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(nullable = false)
  private String jurisdiction;

  @Column(nullable = false)
  private String step;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(nullable = false)
  private Instant due;

  @Column(name = "extended_at")
  private Instant extendedAt;

  @Column(name = "extended_by")
  private String extendedBy;

  @Column(name = "extension_reason")
  private String extensionReason;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected DeadlineRow() {}

  DeadlineRow(Deadline deadline) {
    id = deadline.id();
    applicationId = deadline.applicationId();
    jurisdiction = deadline.jurisdiction().orElse("");
    step = deadline.step().code();
    startedAt = deadline.startedAt();
    due = deadline.due();
  }

  void extend(Instant newDue, Deadline.Extension extension) {
    due = newDue;
    extendedAt = extension.at();
    extendedBy = extension.by();
    extensionReason = extension.reason();
  }

  void close(Instant at) {
    closedAt = at;
  }

  Deadline deadline() {
    return new Deadline(
        id,
        applicationId,
        jurisdiction.isEmpty() ? Optional.empty() : Optional.of(jurisdiction),
        Deadline.Step.fromCode(step),
        startedAt,
        due,
        extendedAt == null
            ? Optional.empty()
            : Optional.of(new Deadline.Extension(extendedAt, extendedBy, extensionReason)),
        Optional.ofNullable(closedAt));
  }
}
