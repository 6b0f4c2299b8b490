package eu.clinnova.consent.account;

/**
 * The identity provider's user accounts, as the registry needs them: give an account the pseudonym,
 * so that its tokens carry the {@code psn} claim. Implemented against Keycloak's admin API by the
 * portal.
 */
public interface AccountDirectory {

  /**
   * Sets {@code psn} on the account {@code sub}, and removes it from any other account that had it
   * (a patient who lost their account and activates a new one).
   */
  void linkPseudonym(String sub, String psn);
}
