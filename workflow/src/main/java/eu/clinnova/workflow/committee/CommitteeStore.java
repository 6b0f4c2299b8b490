package eu.clinnova.workflow.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Committees' versions in {@code workflow.committee}, through the workflow unit. */
@ApplicationScoped
public class CommitteeStore {

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected CommitteeStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public CommitteeStore(EntityManager entities) {
    this.entities = entities;
  }

  /** The version in force of every committee, by jurisdiction code. */
  public List<Committee> current() {
    return entities
        .createQuery(
            "SELECT c FROM CommitteeRow c WHERE c.version ="
                + " (SELECT max(d.version) FROM CommitteeRow d WHERE d.jurisdiction = c.jurisdiction)"
                + " ORDER BY c.jurisdiction",
            CommitteeRow.class)
        .getResultList()
        .stream()
        .map(CommitteeRow::committee)
        .toList();
  }

  public Optional<Committee> current(String jurisdiction) {
    return history(jurisdiction).stream().findFirst();
  }

  /** Every version of the jurisdiction's committee, newest first. */
  public List<Committee> history(String jurisdiction) {
    return entities
        .createQuery(
            "SELECT c FROM CommitteeRow c WHERE c.jurisdiction = :jurisdiction"
                + " ORDER BY c.version DESC",
            CommitteeRow.class)
        .setParameter("jurisdiction", jurisdiction)
        .getResultList()
        .stream()
        .map(CommitteeRow::committee)
        .toList();
  }

  public void insert(Committee committee) {
    entities.persist(new CommitteeRow(committee));
    entities.flush();
  }

  /** Takes the committee's lock until the transaction ends: two changes get two versions. */
  public void lock(String jurisdiction) {
    entities
        .createNativeQuery(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('workflow.committee:' || ?1))) l")
        .setParameter(1, jurisdiction)
        .getSingleResult();
  }
}
