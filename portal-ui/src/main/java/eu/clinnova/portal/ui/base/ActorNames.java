package eu.clinnova.portal.ui.base;

import eu.clinnova.portal.identity.KeycloakStaff;
import eu.clinnova.portal.identity.StaffAccount;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Staff names for the account ids the audit log keeps, read from the identity provider once per
 * page (the log never holds names). Patients and nodes are not looked up: they are shown by role
 * and id. Without the identity provider, everyone is shown by id.
 */
public final class ActorNames {

  private static final Logger LOG = Logger.getLogger(ActorNames.class.getName());

  private final KeycloakStaff staff;
  private Map<String, StaffAccount> accounts;

  public ActorNames(KeycloakStaff staff) {
    this.staff = staff;
  }

  /** The staff account's name, if {@code sub} is one. */
  public Optional<String> name(String sub) {
    if (accounts == null) {
      accounts = new HashMap<>();
      try {
        staff.all().forEach(account -> accounts.put(account.id(), account));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "staff names could not be read from the identity provider", e);
      }
    }
    return Optional.ofNullable(accounts.get(sub)).map(StaffAccount::name);
  }
}
