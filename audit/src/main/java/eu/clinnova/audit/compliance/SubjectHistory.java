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
   * The module's state for a release at log index {@code before}, decided at {@code asOf}: only
   * entries before it in the log whose time is not after the decision count. (An entry logged
   * before a release but written after its decision was committed after the gate's snapshot: the
   * gate could not see it, and the log's order alone does not say so.)
   */
  ModuleVerdict verdict(String module, long before, long asOf) {
    boolean informed = false;
    long informedBy = -1;
    for (int i = events.size() - 1; i >= 0; i--) {
      ConsentEvent event = events.get(i);
      if (event.index() >= before || event.time() > asOf) {
        continue;
      }
      Boolean decision = event.everything() ? Boolean.FALSE : event.decisions().get(module);
      if (decision != null) {
        if (!decision) {
          return new ModuleVerdict(false, event.index(), event.action());
        }
        Long until = event.validUntil().get(module);
        if (until != null && until <= asOf) {
          return new ModuleVerdict(false, event.index(), "the permit ended before the release");
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
}
