package eu.clinnova.workflow.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Votes and declared conflicts in {@code workflow.vote} (append-only), through the unit. */
@ApplicationScoped
public class VoteStore {

  @PersistenceContext(unitName = "workflow")
  private EntityManager entities;

  protected VoteStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public VoteStore(EntityManager entities) {
    this.entities = entities;
  }

  /**
   * False if the member already spoke in this round (nothing written). The services lock the
   * application before they vote, so two votes of one member cannot race here.
   */
  public boolean insert(UUID applicationId, Vote vote) {
    VoteRow row = new VoteRow(applicationId, vote);
    if (entities.find(VoteRow.class, row.key()) != null) {
      return false;
    }
    entities.persist(row);
    entities.flush();
    return true;
  }

  /** Every vote on the application, in the order cast. */
  public List<Vote> votes(UUID applicationId) {
    return entities
        .createQuery(
            "SELECT v FROM VoteRow v WHERE v.applicationId = :id ORDER BY v.castAt, v.memberSub",
            VoteRow.class)
        .setParameter("id", applicationId)
        .getResultList()
        .stream()
        .map(VoteRow::toVote)
        .toList();
  }
}
