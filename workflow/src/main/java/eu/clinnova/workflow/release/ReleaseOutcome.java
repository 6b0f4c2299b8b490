package eu.clinnova.workflow.release;

import eu.clinnova.consent.application.ConsentQueries.PatientState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to one request, before it is recorded: the whole request's reasons if it is denied as
 * a whole, else each subject permitted or denied with a reason code, in the order asked.
 */
public record ReleaseOutcome(
    List<String> reasons, List<String> permitted, List<Release.Denial> denied) {

  public ReleaseOutcome {
    reasons = List.copyOf(reasons);
    permitted = List.copyOf(permitted);
    denied = List.copyOf(denied);
  }

  /** Applies {@link ReleaseRules} to every subject asked for, as of {@code at}. */
  public static ReleaseOutcome of(
      ReleaseRules.Grounds grounds,
      List<String> subjects,
      Map<String, PatientState> states,
      Instant at) {
    List<String> reasons = ReleaseRules.wholeRequest(grounds, at);
    List<String> permitted = new ArrayList<>();
    List<Release.Denial> denied = new ArrayList<>();
    if (!reasons.isEmpty()) {
      // Denied as a whole: every subject is denied for the first reason, and none is looked at,
      // so the answer says nothing about them.
      subjects.forEach(psn -> denied.add(new Release.Denial(psn, reasons.get(0))));
      return new ReleaseOutcome(reasons, permitted, denied);
    }
    for (String psn : subjects) {
      Optional<String> reason =
          ReleaseRules.subject(states.get(psn), grounds.dataset(), grounds.modulesNeeded());
      if (reason.isPresent()) {
        denied.add(new Release.Denial(psn, reason.get()));
      } else {
        permitted.add(psn);
      }
    }
    return new ReleaseOutcome(reasons, permitted, denied);
  }

  public Release.Decision decision(int requested) {
    return Release.Decision.of(requested, permitted.size());
  }

  /** How many subjects were denied for each reason, by reason code. */
  public Map<String, Integer> denialCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    denied.forEach(denial -> counts.merge(denial.reason(), 1, Integer::sum));
    return counts;
  }
}
