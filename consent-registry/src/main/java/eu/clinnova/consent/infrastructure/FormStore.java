package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.form.ConsentForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Form versions in {@code consent.form}, through the consent unit. */
@ApplicationScoped
public class FormStore {

  @PersistenceContext(unitName = "consent")
  private EntityManager entities;

  protected FormStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public FormStore(EntityManager entities) {
    this.entities = entities;
  }

  public void insert(ConsentForm form, String by) {
    entities.persist(new FormRow(form, by));
    entities.flush();
  }

  /** The latest version of every form, by id. */
  public List<ConsentForm> active() {
    return entities
        .createQuery(
            "SELECT f FROM FormRow f WHERE f.version ="
                + " (SELECT max(g.version) FROM FormRow g WHERE g.id = f.id) ORDER BY f.id",
            FormRow.class)
        .getResultList()
        .stream()
        .map(FormRow::form)
        .toList();
  }

  public Optional<ConsentForm> latest(String id) {
    return entities
        .createQuery(
            "SELECT f FROM FormRow f WHERE f.id = :id ORDER BY f.version DESC", FormRow.class)
        .setParameter("id", id)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(FormRow::form);
  }

  public Optional<ConsentForm> find(String id, int version) {
    return Optional.ofNullable(entities.find(FormRow.class, new FormRow.Key(id, version)))
        .map(FormRow::form);
  }

  /**
   * Takes the form's lock until the transaction ends: publishing two versions of one form at once
   * must not give both the same number (the primary key would refuse one; this makes the second
   * wait and see).
   */
  public void lockForPublishing(String id) {
    entities
        .createNativeQuery(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('consent.form:' || ?1))) l")
        .setParameter(1, id)
        .getSingleResult();
  }
}
