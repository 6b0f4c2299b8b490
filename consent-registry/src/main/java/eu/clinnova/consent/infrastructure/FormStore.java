package eu.clinnova.consent.infrastructure;

import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormDraft;
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

  /** Saves the draft of its form, replacing the one before. */
  public void saveDraft(FormDraft draft) {
    FormDraftRow row = entities.find(FormDraftRow.class, draft.form().id());
    if (row == null) {
      entities.persist(new FormDraftRow(draft));
    } else {
      row.update(draft);
    }
    entities.flush();
  }

  public Optional<FormDraft> draft(String formId) {
    return Optional.ofNullable(entities.find(FormDraftRow.class, formId)).map(FormDraftRow::draft);
  }

  /** Throws the form's draft away; false if it had none. */
  public boolean discardDraft(String formId) {
    FormDraftRow row = entities.find(FormDraftRow.class, formId);
    if (row == null) {
      return false;
    }
    entities.remove(row);
    entities.flush();
    return true;
  }

  /**
   * How many patients have consented on some version of the form: those a major version asks again
   * (ReconsentStore asks exactly them, every one of them on an older version than the next).
   */
  public int consenters(String formId) {
    return ((Number)
            entities
                .createNativeQuery(
                    "SELECT count(DISTINCT psn) FROM consent.record"
                        + " WHERE kind = 'consent' AND form_id = ?1")
                .setParameter(1, formId)
                .getSingleResult())
        .intValue();
  }
}
