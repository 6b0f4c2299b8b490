package eu.clinnova.messages.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Each account's choices in {@code messages.preference}, through the messages unit. */
@ApplicationScoped
public class PreferenceStore {

  @PersistenceContext(unitName = "messages")
  private EntityManager entities;

  protected PreferenceStore() {}

  /** A store on the given entity manager (module tests; CDI injects the transaction's own). */
  public PreferenceStore(EntityManager entities) {
    this.entities = entities;
  }

  /** The account's choices, if it ever made any. */
  public Optional<Preferences> find(String account) {
    return Optional.ofNullable(entities.find(PreferenceRow.class, account))
        .map(PreferenceRow::preferences);
  }

  /** Records the account's choices (replacing earlier ones). */
  public void save(String account, Preferences preferences, Instant at) {
    save(account, Optional.empty(), preferences, at);
  }

  /** The same, for a patient's account with its pseudonym. */
  public void save(String account, Optional<String> psn, Preferences preferences, Instant at) {
    PreferenceRow row = entities.find(PreferenceRow.class, account);
    if (row == null) {
      row = new PreferenceRow(account);
      row.set(preferences, psn.orElse(null), at);
      entities.persist(row);
    } else {
      row.set(preferences, psn.orElse(null), at);
    }
  }

  /** Forgets the account's choices: the defaults apply again. */
  public void forget(String account) {
    PreferenceRow row = entities.find(PreferenceRow.class, account);
    if (row != null) {
      entities.remove(row);
    }
  }
}
