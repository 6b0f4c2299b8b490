package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.registry.ImportJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Background jobs in {@code consent.job}, their files in {@code consent.job_input}. */
@ApplicationScoped
public class JobStore {

  @PersistenceContext(unitName = "consent")
  private EntityManager entities;

  protected JobStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public JobStore(EntityManager entities) {
    this.entities = entities;
  }

  public void insert(ImportJob job, byte[] input) {
    entities.persist(new JobRow(job));
    entities.persist(new JobInputRow(job.id(), input));
    entities.flush();
  }

  public Optional<ImportJob> find(UUID id) {
    return Optional.ofNullable(entities.find(JobRow.class, id)).map(JobRow::job);
  }

  /** The job, locked until the transaction ends: one runner moves it at a time. */
  public Optional<ImportJob> lock(UUID id) {
    return Optional.ofNullable(entities.find(JobRow.class, id, LockModeType.PESSIMISTIC_WRITE))
        .map(JobRow::job);
  }

  public Optional<byte[]> input(UUID id) {
    return Optional.ofNullable(entities.find(JobInputRow.class, id)).map(JobInputRow::input);
  }

  /** Writes the job's progress; at its end, its file goes. */
  public void update(ImportJob job) {
    JobRow row = entities.find(JobRow.class, job.id());
    row.update(job);
    if (job.state().finished()) {
      entities
          .createQuery("DELETE FROM JobInputRow i WHERE i.jobId = :id")
          .setParameter("id", job.id())
          .executeUpdate();
    }
    entities.flush();
  }

  /** Jobs that failed since {@code since}, latest first. */
  public List<ImportJob> failedSince(Instant since, int limit) {
    return entities
        .createQuery(
            "SELECT j FROM JobRow j WHERE j.state = 'failed' AND j.finishedAt >= :since"
                + " ORDER BY j.finishedAt DESC",
            JobRow.class)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(JobRow::job)
        .toList();
  }

  /** Jobs that have not ended (a restart goes on with them), oldest first. */
  public List<UUID> unfinished() {
    return entities
        .createQuery(
            "SELECT j.id FROM JobRow j WHERE j.state IN ('queued', 'running') ORDER BY j.createdAt",
            UUID.class)
        .getResultList();
  }
}
