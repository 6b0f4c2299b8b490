package eu.clinnova.workflow.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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

  /**
   * Datasets open to applications (not retired), optionally of one jurisdiction and one cohort, by
   * jurisdiction and id.
   */
  public List<Dataset> list(String jurisdiction, String cohort) {
    return entries(jurisdiction, cohort, false).stream().map(CatalogueEntry::dataset).toList();
  }

  /** The catalogue's entries, retired ones too when asked, by jurisdiction and id. */
  public List<CatalogueEntry> entries(String jurisdiction, String cohort, boolean withRetired) {
    return entities
        .createQuery(
            "SELECT d FROM DatasetRow d"
                + " WHERE (:jurisdiction IS NULL OR d.jurisdiction = :jurisdiction)"
                + " AND (:cohort IS NULL OR d.cohort = :cohort)"
                + " AND (:withRetired = TRUE OR d.retiredAt IS NULL)"
                + " ORDER BY d.jurisdiction, d.id",
            DatasetRow.class)
        .setParameter("jurisdiction", jurisdiction)
        .setParameter("cohort", cohort)
        .setParameter("withRetired", withRetired)
        .getResultList()
        .stream()
        .map(DatasetRow::entry)
        .toList();
  }

  /** The dataset's version in force, retired or not. */
  public Optional<Dataset> find(String id) {
    return entry(id).map(CatalogueEntry::dataset);
  }

  public Optional<CatalogueEntry> entry(String id) {
    return Optional.ofNullable(entities.find(DatasetRow.class, id)).map(DatasetRow::entry);
  }

  /**
   * Makes {@code dataset} the next version of its id, locking the row until the transaction ends
   * (two new versions at once get two numbers); empty for an unknown id.
   */
  public Optional<CatalogueEntry> nextVersion(Dataset dataset, String by) {
    DatasetRow row = entities.find(DatasetRow.class, dataset.id(), LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return Optional.empty();
    }
    row.nextVersion(dataset, by);
    entities.flush();
    return Optional.of(row.entry());
  }

  /** Retires the dataset (locked until the transaction ends); empty for an unknown id. */
  public Optional<CatalogueEntry> retire(String id, Instant at, String by) {
    DatasetRow row = entities.find(DatasetRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return Optional.empty();
    }
    if (row.entry().retiredAt().isEmpty()) {
      row.retire(at, by);
      entities.flush();
    }
    return Optional.of(row.entry());
  }

  /** Every version of the dataset, newest first. */
  public List<DatasetVersion> history(String id) {
    return entities
        .createQuery(
            "SELECT v FROM DatasetVersionRow v WHERE v.id = :id ORDER BY v.version DESC",
            DatasetVersionRow.class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .map(DatasetVersionRow::version)
        .toList();
  }
}
