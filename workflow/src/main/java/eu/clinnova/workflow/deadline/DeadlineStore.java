package eu.clinnova.workflow.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The review's clocks in {@code workflow.deadline}, through the workflow unit. */
@ApplicationScoped
public class DeadlineStore {

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected DeadlineStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public DeadlineStore(EntityManager entities) {
    this.entities = entities;
  }

  /**
   * Starts a clock, closing the open one of the same kind first (a second return starts the
   * resubmission clock again).
   */
  public Deadline start(
      UUID applicationId,
      Optional<String> jurisdiction,
      Deadline.Step step,
      Instant now,
      Instant due) {
    close(applicationId, jurisdiction, step, now);
    Deadline deadline =
        new Deadline(
            UUID.randomUUID(),
            applicationId,
            jurisdiction,
            step,
            now,
            due,
            Optional.empty(),
            Optional.empty());
    entities.persist(new DeadlineRow(deadline));
    entities.flush();
    return deadline;
  }

  /** The open clock of this kind, locked until the transaction ends. */
  public Optional<Deadline> open(
      UUID applicationId, Optional<String> jurisdiction, Deadline.Step step) {
    return openRow(applicationId, jurisdiction, step).map(DeadlineRow::deadline);
  }

  /** Gives the open decision clock its one extension; the caller has checked it may. */
  public Deadline extend(Deadline deadline, Instant newDue, Deadline.Extension extension) {
    DeadlineRow row =
        entities.find(DeadlineRow.class, deadline.id(), LockModeType.PESSIMISTIC_WRITE);
    row.extend(newDue, extension);
    entities.flush();
    return row.deadline();
  }

  /** Stops the open clock of this kind, if there is one. */
  public void close(
      UUID applicationId, Optional<String> jurisdiction, Deadline.Step step, Instant at) {
    openRow(applicationId, jurisdiction, step).ifPresent(row -> row.close(at));
    entities.flush();
  }

  /** Stops every open clock of the application (it was withdrawn, rejected or has lapsed). */
  public void closeAll(UUID applicationId, Instant at) {
    entities
        .createQuery(
            "SELECT d FROM DeadlineRow d WHERE d.applicationId = :id AND d.closedAt IS NULL",
            DeadlineRow.class)
        .setParameter("id", applicationId)
        .getResultList()
        .forEach(row -> row.close(at));
    entities.flush();
  }

  /** Stops the application's open clocks of this kind, in every jurisdiction. */
  public void closeAll(UUID applicationId, Deadline.Step step, Instant at) {
    entities
        .createQuery(
            "SELECT d FROM DeadlineRow d WHERE d.applicationId = :id AND d.step = :step"
                + " AND d.closedAt IS NULL",
            DeadlineRow.class)
        .setParameter("id", applicationId)
        .setParameter("step", step.code())
        .getResultList()
        .forEach(row -> row.close(at));
    entities.flush();
  }

  /** Every clock of the application, open and closed, oldest first. */
  public List<Deadline> ofApplication(UUID applicationId) {
    return entities
        .createQuery(
            "SELECT d FROM DeadlineRow d WHERE d.applicationId = :id ORDER BY d.startedAt, d.step",
            DeadlineRow.class)
        .setParameter("id", applicationId)
        .getResultList()
        .stream()
        .map(DeadlineRow::deadline)
        .toList();
  }

  /**
   * The open clocks of applications in review, soonest due first; with {@code jurisdictions}, only
   * theirs (a return by the completeness check concerns every jurisdiction of the application).
   */
  public List<Deadline> openIn(Optional<Collection<String>> jurisdictions, int limit) {
    String filter =
        jurisdictions.isEmpty()
            ? ""
            : " AND (d.jurisdiction IN :codes OR (d.jurisdiction = '' AND EXISTS (SELECT 1 FROM"
                + " JurisdictionReviewRow r WHERE r.applicationId = d.applicationId AND"
                + " r.jurisdiction IN :codes)))";
    var query =
        entities.createQuery(
            "SELECT d FROM DeadlineRow d WHERE d.closedAt IS NULL"
                // an application that left the review keeps no running clock
                + " AND EXISTS (SELECT 1 FROM ApplicationRow a WHERE a.id = d.applicationId"
                + " AND a.state IN ('submitted', 'under-review', 'returned'))"
                + filter
                + " ORDER BY d.due, d.applicationId, d.jurisdiction",
            DeadlineRow.class);
    jurisdictions.ifPresent(
        codes -> query.setParameter("codes", codes.isEmpty() ? List.of("") : codes));
    return query.setMaxResults(limit).getResultList().stream().map(DeadlineRow::deadline).toList();
  }

  private Optional<DeadlineRow> openRow(
      UUID applicationId, Optional<String> jurisdiction, Deadline.Step step) {
    return entities
        .createQuery(
            "SELECT d FROM DeadlineRow d WHERE d.applicationId = :id AND d.jurisdiction = :code"
                + " AND d.step = :step AND d.closedAt IS NULL",
            DeadlineRow.class)
        .setParameter("id", applicationId)
        .setParameter("code", jurisdiction.orElse(""))
        .setParameter("step", step.code())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
