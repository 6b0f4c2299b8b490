package eu.clinnova.audit.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * One subject's consent entries in log order, and the fold the release gate applies to its records
 * (consent-registry's {@code ConsentStates}), over the entries instead: for a module, the latest
 * entry that decides it wins (a permit, a deny, a withdrawal or objection of it or of everything);
 * a permit whose validity ended is no permit; without any, an information record's modules are
 * permitted (non-opposition); otherwise nothing is.
 */
final class SubjectHistory {

  private final List<ConsentEvent> events = new ArrayList<>(2);

  void add(ConsentEvent event) {
    events.add(event);
  }

  /**
   * The module's state for {@code release}: only entries before it in the log that its decision
   * could see count. Which those are, the decision's snapshot says exactly (an entry logged before
   * the release may belong to a transaction that committed while the gate decided); for entries
   * from before entries named their transaction, their time says it: one written after the
   * decision's instant committed after its snapshot.
   */
  ModuleVerdict verdict(String module, ReleaseEntry release) {
    boolean informed = false;
    long informedBy = -1;
    for (int i = events.size() - 1; i >= 0; i--) {
      ConsentEvent event = events.get(i);
      if (event.index() >= release.index() || !seen(event, release)) {
        continue;
      }
      Boolean decision = event.everything() ? Boolean.FALSE : event.decisions().get(module);
      if (decision != null) {
        if (!decision) {
          return new ModuleVerdict(false, event.index(), event.action());
        }
        Long until = event.validUntil().get(module);
        if (until != null && until <= release.decidedAt()) {
          return new ModuleVerdict(false, event.index(), "the permit ended before the release");
        }
        long capacity = capacityRegainedAfter(event, release);
        if (capacity >= 0) {
          return new ModuleVerdict(
              false, capacity, "a representative's permit after the patient regained capacity");
        }
        return new ModuleVerdict(true, event.index(), event.action());
      }
      if (!informed && event.informed().contains(module)) {
        informed = true;
        informedBy = event.index();
      }
    }
    return informed
        ? new ModuleVerdict(true, informedBy, "informed, no objection")
        : ModuleVerdict.none();
  }

  /**
   * The entry recording that the patient regained capacity after {@code permit}, a
   * representative's, that the release saw and whose policy let such permits lapse; -1 if none.
   */
  private long capacityRegainedAfter(ConsentEvent permit, ReleaseEntry release) {
    if (!"representative".equals(permit.signer())) {
      return -1;
    }
    for (ConsentEvent event : events) {
      if (event.representativesLapse()
          && event.index() > permit.index()
          && event.index() < release.index()
          && seen(event, release)) {
        return event.index();
      }
    }
    return -1;
  }

  private static boolean seen(ConsentEvent event, ReleaseEntry release) {
    if (event.tx() >= 0 && release.snapshot().isPresent()) {
      return release.snapshot().get().sees(event.tx());
    }
    return event.time() <= release.decidedAt();
  }
}
