package eu.clinnova.workflow.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Acceptances of the data access agreement, one per application (append-only). */
@ApplicationScoped
public class AgreementStore {

  /** An acceptance: which version, its text's digest, when. */
  public record Acceptance(int version, String sha256, Instant acceptedAt) {}

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected AgreementStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public AgreementStore(EntityManager entities) {
    this.entities = entities;
  }

  public void insert(UUID applicationId, DataAccessAgreement agreement, Instant at, String by) {
    entities.persist(new AgreementAcceptanceRow(applicationId, agreement, at, by));
    entities.flush();
  }

  public Optional<Acceptance> find(UUID applicationId) {
    return Optional.ofNullable(entities.find(AgreementAcceptanceRow.class, applicationId))
        .map(AgreementAcceptanceRow::acceptance);
  }
}
