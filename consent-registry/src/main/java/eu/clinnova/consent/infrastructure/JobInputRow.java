package eu.clinnova.consent.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code consent.job_input}: a running job's uploaded file, deleted when it ends. */
@Entity
@Immutable
@Table(schema = "consent", name = "job_input")
class JobInputRow {

  @Id
  @Column(name = "job_id")
  private UUID jobId;

  @Column(nullable = false)
  private byte[] input;

  protected JobInputRow() {}

  JobInputRow(UUID jobId, byte[] input) {
    this.jobId = jobId;
    this.input = input;
  }

  byte[] input() {
    return input;
  }
}
