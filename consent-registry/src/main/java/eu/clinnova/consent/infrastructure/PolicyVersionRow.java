package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.policy.PolicyVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code consent.policy_version}. */
@Entity
@Immutable
@Table(schema = "consent", name = "policy_version")
class PolicyVersionRow {

  @Id private int version;

  @ColumnTransformer(write = "cast(? as jsonb)")
  @Column(nullable = false, columnDefinition = "jsonb")
  private String document;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "in_force_from", nullable = false)
  private Instant inForceFrom;

  protected PolicyVersionRow() {}

  PolicyVersionRow(PolicyVersion policies) {
    this.version = policies.version();
    this.document = policies.document();
    this.sha256 = policies.sha256();
    this.inForceFrom = policies.inForceFrom();
  }

  PolicyVersion policies() {
    return new PolicyVersion(version, sha256, inForceFrom, document);
  }
}
