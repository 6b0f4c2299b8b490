package eu.clinnova.workflow.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.vote}: a member's vote or declared conflict, once per round. */
@Entity
@Immutable
@IdClass(VoteRow.Key.class)
@Table(schema = "workflow", name = "vote")
class VoteRow {

  record Key(UUID applicationId, String jurisdiction, int round, String memberSub)
      implements Serializable {}

  @Id
  @Column(name = "application_id")
  private UUID applicationId;

  @Id private String jurisdiction;

  @Id private int round;

  @Id
  @Column(name = "member_sub")
  private String memberSub;

  @Column(name = "member_name", nullable = false)
  private String memberName;

  @Column(nullable = false)
  private boolean conflict;

  private String vote;

  private String reason;

  @Column(name = "cast_at", nullable = false)
  private Instant castAt;

  protected VoteRow() {}

  VoteRow(UUID applicationId, Vote vote) {
    this.applicationId = applicationId;
    this.jurisdiction = vote.jurisdiction();
    this.round = vote.round();
    this.memberSub = vote.memberSub();
    this.memberName = vote.memberName();
    this.conflict = vote.conflict();
    this.vote = vote.vote().orElse(null);
    this.reason = vote.reason().orElse(null);
    this.castAt = vote.castAt();
  }

  Key key() {
    return new Key(applicationId, jurisdiction, round, memberSub);
  }

  Vote toVote() {
    return new Vote(
        jurisdiction,
        round,
        memberSub,
        memberName,
        conflict,
        Optional.ofNullable(vote),
        Optional.ofNullable(reason),
        castAt);
  }
}
