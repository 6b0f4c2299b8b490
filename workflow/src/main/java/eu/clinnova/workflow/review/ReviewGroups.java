package eu.clinnova.workflow.review;

import eu.clinnova.consent.application.Requester;
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

  public static Set<String> of(Requester requester) {
    Set<String> groups = new TreeSet<>();
    for (String jurisdiction : requester.jurisdictions()) {
      if (requester.roles().contains("data-steward")) {
        groups.add(stewards(jurisdiction));
      }
      if (requester.roles().contains("dac-member")) {
        groups.add(committee(jurisdiction));
      }
      if (requester.roles().contains("dac-chair")) {
        groups.add(chair(jurisdiction));
      }
    }
    return groups;
  }
}
