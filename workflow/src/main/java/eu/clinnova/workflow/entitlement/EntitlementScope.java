package eu.clinnova.workflow.entitlement;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import java.util.Set;

/**
 * Which entitlements a caller sees, as data: their own ({@code researcher}), all of them
 * (compliance), or those to datasets of their jurisdictions (a committee member, a node). {@link
 * #includes} is the rule; {@link EntitlementStore#visible} asks the same in its query.
 */
public record EntitlementScope(String researcher, boolean everything, Set<String> jurisdictions) {

  public EntitlementScope {
    jurisdictions = Set.copyOf(jurisdictions);
  }

  public static EntitlementScope of(Caller caller) {
    return new EntitlementScope(
        caller.subject(),
        caller.has(Role.COMPLIANCE_OFFICER),
        caller.has(Role.DAC_MEMBER) || caller.has(Role.NODE)
            ? caller.jurisdictionCodes()
            : Set.of());
  }

  public boolean includes(Entitlement entitlement) {
    return entitlement.researcher().equals(researcher)
        || everything
        || jurisdictions.contains(entitlement.jurisdiction());
  }
}
