package eu.clinnova.portal.identity;

import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import java.util.Set;

/** A staff account as the identity provider has it: who, with which portal roles, where. */
public record StaffAccount(
    String id, String username, String name, Set<Role> roles, Set<Jurisdiction> jurisdictions) {

  /**
   * The roles an administrator grants and removes in the portal (patients and nodes are not staff).
   */
  public static final Set<Role> STAFF_ROLES =
      Set.of(
          Role.RESEARCHER,
          Role.DATA_STEWARD,
          Role.DAC_MEMBER,
          Role.DAC_CHAIR,
          Role.COMPLIANCE_OFFICER,
          Role.ADMIN);

  public StaffAccount {
    roles = Set.copyOf(roles);
    jurisdictions = Set.copyOf(jurisdictions);
  }
}
