package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code workflow.jurisdiction_review}: where one committee's review of it stands. */
@Entity
@IdClass(JurisdictionReviewRow.Key.class)
@Table(schema = "workflow", name = "jurisdiction_review")
class JurisdictionReviewRow {

  record Key(UUID applicationId, String jurisdiction) implements Serializable {}

  @Id
  @Column(name = "application_id")
  private UUID applicationId;

  @Id private String jurisdiction;

  @Column(nullable = false)
  private String state;

  private String decision;

  private String conditions;

  @Column(nullable = false)
  private int round;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected JurisdictionReviewRow() {}

  JurisdictionReviewRow(UUID applicationId, String jurisdiction) {
    this.applicationId = applicationId;
    this.jurisdiction = jurisdiction;
  }

  void update(JurisdictionReview review) {
    this.state = review.state();
    this.decision = review.decision().orElse(null);
    this.conditions = review.conditions().orElse(null);
    this.round = review.round();
    this.changedAt = review.changedAt();
  }

  JurisdictionReview review() {
    return new JurisdictionReview(
        jurisdiction,
        state,
        Optional.ofNullable(decision),
        Optional.ofNullable(conditions),
        round,
        changedAt);
  }

  UUID applicationId() {
    return applicationId;
  }
}
