package eu.clinnova.messages.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * A signed-in person reads and changes their own choices: only their own, since the account is the
 * verified token's subject, never a value they send.
 */
@ApplicationScoped
public class AccountPreferences {

  private PreferenceStore store;
  private Clock clock;

  protected AccountPreferences() {}

  @Inject
  public AccountPreferences(PreferenceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The account's choices, or the defaults for the language its token names. */
  @Transactional
  public Preferences of(String account, Optional<String> accountLanguage) {
    return store.find(account).orElseGet(() -> Preferences.defaults(accountLanguage));
  }

  /** Whether the account ever chose (a language chosen in the portal then follows it). */
  @Transactional
  public Optional<Preferences> chosen(String account) {
    return store.find(account);
  }

  /**
   * Records the account's choices; {@code psn} is the pseudonym of a patient's account (from their
   * token), so that a release of their data finds whether they asked to be told.
   */
  @Transactional
  public Preferences save(String account, Optional<String> psn, Preferences preferences) {
    store.save(account, psn, preferences, clock.instant());
    return preferences;
  }

  /** Forgets the account's choices; the defaults (and the browser's language) apply again. */
  @Transactional
  public void forget(String account) {
    store.forget(account);
  }
}
