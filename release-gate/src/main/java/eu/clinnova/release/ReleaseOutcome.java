package eu.clinnova.release;

import eu.clinnova.consent.application.ConsentQueries.PatientState;
import eu.clinnova.consent.domain.Patient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The answer to one request, before it is recorded: the whole request's reasons if it is denied as
 * a whole, else each subject permitted or denied with a reason code, in the order asked.
 */
public record ReleaseOutcome(
    List<String> reasons, List<String> permitted, List<Release.Denial> denied) {

  /** From this many subjects they are judged on all cores (below, the hand-offs cost more). */
  static final int IN_PARALLEL_FROM = 2_000;

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
    String jurisdiction = grounds.dataset().jurisdiction();
    Patient.Cohort cohort = Patient.Cohort.valueOf(grounds.dataset().cohort());
    // Each subject's reason is pure computation on what was read: a large request is judged on
    // all cores, then listed in the order asked.
    String[] reasonOf = new String[subjects.size()];
    IntStream each = IntStream.range(0, subjects.size());
    (subjects.size() >= IN_PARALLEL_FROM ? each.parallel() : each)
        .forEach(
            i ->
                reasonOf[i] =
                    ReleaseRules.denial(
                        states.get(subjects.get(i)),
                        jurisdiction,
                        cohort,
                        grounds.modulesNeeded()));
    for (int i = 0; i < reasonOf.length; i++) {
      if (reasonOf[i] != null) {
        denied.add(new Release.Denial(subjects.get(i), reasonOf[i]));
      } else {
        permitted.add(subjects.get(i));
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
