package eu.clinnova.workflow.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.entitlement_lapse}: a lapse observed once per status, never changed. */
@Entity
@Immutable
@IdClass(EntitlementLapseRow.Key.class)
@Table(schema = "workflow", name = "entitlement_lapse")
class EntitlementLapseRow {

  /** The primary key: one row per entitlement and status. */
  record Key(UUID entitlementId, String status) implements Serializable {}

  @Id
  @Column(name = "entitlement_id")
  private UUID entitlementId;

  @Id private String status;

  @Column(name = "observed_at", nullable = false)
  private Instant observedAt;

  protected EntitlementLapseRow() {}

  EntitlementLapseRow(UUID entitlementId, String status, Instant observedAt) {
    this.entitlementId = entitlementId;
    this.status = status;
    this.observedAt = observedAt;
  }
}
