package eu.clinnova.workflow.committee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.committee}: one version of a committee's rules, never changed. */
@Entity
@Immutable
@IdClass(CommitteeRow.Key.class)
@Table(schema = "workflow", name = "committee")
class CommitteeRow {

  /** The primary key: a jurisdiction's committee and its version. */
  record Key(String jurisdiction, int version) implements Serializable {}

  @Id private String jurisdiction;

  @Id private int version;

  @Column(nullable = false)
  private int quorum;

  @Column(name = "reminder_days", nullable = false)
  private int reminderDays;

  @Column(name = "escalation_days", nullable = false)
  private int escalationDays;

  @Column(name = "decision_days", nullable = false)
  private int decisionDays;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  protected CommitteeRow() {}

  CommitteeRow(Committee committee) {
    jurisdiction = committee.jurisdiction();
    version = committee.version();
    quorum = committee.rules().quorum();
    reminderDays = committee.rules().reminderDays();
    escalationDays = committee.rules().escalationDays();
    decisionDays = committee.rules().decisionDays();
    changedAt = committee.changedAt();
    changedBy = committee.changedBy();
  }

  Committee committee() {
    return new Committee(
        jurisdiction,
        version,
        new Committee.Rules(quorum, reminderDays, escalationDays, decisionDays),
        changedAt,
        changedBy);
  }
}
