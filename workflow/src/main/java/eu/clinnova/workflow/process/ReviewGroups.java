package eu.clinnova.workflow.process;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process's candidate groups: {@code steward-LU} (data stewards of Luxembourg), {@code dac-LU}
 * (its committee's members), {@code chair-LU} (its chair), derived from the caller's roles and
 * jurisdictions in the token, never stored.
 */
public final class ReviewGroups {

  private ReviewGroups() {}

  public static String stewards(String jurisdiction) {
    return "steward-" + jurisdiction;
  }

  public static String committee(String jurisdiction) {
    return "dac-" + jurisdiction;
  }

  public static String chair(String jurisdiction) {
    return "chair-" + jurisdiction;
  }

  public static Set<String> of(Caller caller) {
    Set<String> groups = new TreeSet<>();
    for (String jurisdiction : caller.jurisdictionCodes()) {
      if (caller.has(Role.DATA_STEWARD)) {
        groups.add(stewards(jurisdiction));
      }
      if (caller.has(Role.DAC_MEMBER)) {
        groups.add(committee(jurisdiction));
      }
      if (caller.has(Role.DAC_CHAIR)) {
        groups.add(chair(jurisdiction));
      }
    }
    return groups;
  }
}
