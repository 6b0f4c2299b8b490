package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.policy.PolicyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The policies' versions in {@code consent.policy_version}, through the consent unit. */
@ApplicationScoped
public class PolicyVersionStore {

  @PersistenceContext(unitName = "consent")
  private EntityManager entities;

  protected PolicyVersionStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public PolicyVersionStore(EntityManager entities) {
    this.entities = entities;
  }

  public Optional<PolicyVersion> find(int version) {
    return Optional.ofNullable(entities.find(PolicyVersionRow.class, version))
        .map(PolicyVersionRow::policies);
  }

  /** Newest first. */
  public List<PolicyVersion> all() {
    return entities
        .createQuery(
            "SELECT p FROM PolicyVersionRow p ORDER BY p.version DESC", PolicyVersionRow.class)
        .getResultList()
        .stream()
        .map(PolicyVersionRow::policies)
        .toList();
  }

  public void insert(PolicyVersion policies) {
    entities.persist(new PolicyVersionRow(policies));
    entities.flush();
  }
}
