package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.member_agreement}: one per team member and project, never changed. */
@Entity
@Immutable
@IdClass(MemberAgreementRow.Key.class)
@Table(schema = "workflow", name = "member_agreement")
class MemberAgreementRow {

  record Key(UUID applicationId, String memberSub) implements Serializable {}

  @Id
  @Column(name = "application_id")
  private UUID applicationId;

  @Id
  @Column(name = "member_sub")
  private String memberSub;

  @Column(nullable = false)
  private String address;

  @Column(nullable = false)
  private int version;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "accepted_at", nullable = false)
  private Instant acceptedAt;

  protected MemberAgreementRow() {}

  MemberAgreementRow(AgreementStore.MemberAcceptance acceptance) {
    this.applicationId = acceptance.applicationId();
    this.memberSub = acceptance.memberSub();
    this.address = acceptance.address();
    this.version = acceptance.version();
    this.sha256 = acceptance.sha256();
    this.acceptedAt = acceptance.acceptedAt();
  }

  AgreementStore.MemberAcceptance acceptance() {
    return new AgreementStore.MemberAcceptance(
        applicationId, memberSub, address, version, sha256, acceptedAt);
  }
}
