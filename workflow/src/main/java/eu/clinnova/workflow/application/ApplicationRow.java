package eu.clinnova.workflow.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code workflow.application}: who owns it and when it was made never change; its state,
 * document and process move with the application's life.
 */
@Entity
@Table(schema = "workflow", name = "application")
class ApplicationRow {

  @Id private UUID id;

  @Column(name = "owner_sub", nullable = false, updatable = false)
  private String ownerSub;

  @Column(name = "owner_name", nullable = false, updatable = false)
  private String ownerName;

  @Column(nullable = false)
  private String state;

  /** The document as JSON text; PostgreSQL keeps it as {@code jsonb}. */
  @ColumnTransformer(write = "cast(? as jsonb)")
  @Column(nullable = false, columnDefinition = "jsonb")
  private String document;

  /** The jurisdictions of the requested datasets, kept in step with the document. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  private String[] jurisdictions;

  @Column(nullable = false)
  private int revision;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(updatable = false)
  private UUID amends;

  @Column(nullable = false, updatable = false)
  private boolean renewal;

  /** Where the applicant works, set once when the application is created (if known). */
  @Column(name = "applicant_jurisdiction")
  private String applicantJurisdiction;

  protected ApplicationRow() {}

  ApplicationRow(Application application) {
    this.id = application.id();
    this.ownerSub = application.ownerSub();
    this.ownerName = application.ownerName();
    this.createdAt = application.createdAt();
    this.amends = application.amends().orElse(null);
    this.renewal = application.renewal();
    update(application);
  }

  /** Takes the application's changing state. */
  void update(Application application) {
    this.state = application.state().code();
    this.document = application.document().json().toString();
    this.jurisdictions = application.jurisdictions().toArray(String[]::new);
    this.revision = application.revision();
    this.processInstanceId = application.processInstanceId().orElse(null);
    this.updatedAt = application.updatedAt();
  }

  void applicantJurisdiction(String jurisdiction) {
    this.applicantJurisdiction = jurisdiction;
  }

  Optional<String> applicantJurisdiction() {
    return Optional.ofNullable(applicantJurisdiction);
  }

  Application application() {
    return new Application(
        id,
        ownerSub,
        ownerName,
        ApplicationState.fromCode(state),
        ApplicationDocument.stored(ApplicationStore.json(document)),
        List.of(jurisdictions),
        revision,
        Optional.ofNullable(processInstanceId),
        createdAt,
        updatedAt,
        Optional.ofNullable(amends),
        renewal);
  }
}
