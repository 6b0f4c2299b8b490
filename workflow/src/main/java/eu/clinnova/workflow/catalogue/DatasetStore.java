package eu.clinnova.workflow.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Datasets in {@code workflow.dataset}, through the workflow unit. */
@ApplicationScoped
public class DatasetStore {

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected DatasetStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public DatasetStore(EntityManager entities) {
    this.entities = entities;
  }

  /**
   * False if the id exists (nothing written). Two administrators publishing the same id at the same
   * instant: the second one's transaction fails on the primary key and rolls back whole.
   */
  public boolean insert(Dataset dataset, String by) {
    if (entities.find(DatasetRow.class, dataset.id()) != null) {
      return false;
    }
    entities.persist(new DatasetRow(dataset, by));
    entities.flush();
    return true;
  }

  /** Datasets, optionally of one jurisdiction and one cohort, by jurisdiction and id. */
  public List<Dataset> list(String jurisdiction, String cohort) {
    return entities
        .createQuery(
            "SELECT d FROM DatasetRow d"
                + " WHERE (:jurisdiction IS NULL OR d.jurisdiction = :jurisdiction)"
                + " AND (:cohort IS NULL OR d.cohort = :cohort) ORDER BY d.jurisdiction, d.id",
            DatasetRow.class)
        .setParameter("jurisdiction", jurisdiction)
        .setParameter("cohort", cohort)
        .getResultList()
        .stream()
        .map(DatasetRow::dataset)
        .toList();
  }

  public Optional<Dataset> find(String id) {
    return Optional.ofNullable(entities.find(DatasetRow.class, id)).map(DatasetRow::dataset);
  }
}
