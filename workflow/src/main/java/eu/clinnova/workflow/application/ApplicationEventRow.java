package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code workflow.application_event}: the application's history, append-only. */
@Entity
@Immutable
@Table(schema = "workflow", name = "application_event")
class ApplicationEventRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private UUID applicationId;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String kind;

  private String jurisdiction;

  @Column(name = "actor_sub", nullable = false)
  private String actorSub;

  @Column(name = "actor_role", nullable = false)
  private String actorRole;

  private String outcome;

  private String comment;

  protected ApplicationEventRow() {}

  ApplicationEventRow(UUID applicationId, ApplicationEvent event) {
    this.applicationId = applicationId;
    this.at = event.at();
    this.kind = event.kind();
    this.jurisdiction = event.jurisdiction().orElse(null);
    this.actorSub = event.actorSub();
    this.actorRole = event.actorRole();
    this.outcome = event.outcome().orElse(null);
    this.comment = event.comment().orElse(null);
  }

  ApplicationEvent event() {
    return new ApplicationEvent(
        id,
        at,
        kind,
        Optional.ofNullable(jurisdiction),
        actorSub,
        actorRole,
        Optional.ofNullable(outcome),
        Optional.ofNullable(comment));
  }
}
