package eu.clinnova.consent.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a patient who has just withdrawn could have back in one step (issue 21: consenting again
 * after "withdraw everything" took a change and a confirmation per module): the modules their
 * latest record, a withdrawal or an objection, took from yes to no. Nothing once they recorded
 * anything since, so the offer never brings back choices older than their last word.
 */
public record RestorableChoices(Instant withdrawnAt, Set<ConsentModule> modules) {

  public RestorableChoices {
    modules = Set.copyOf(modules);
  }

  /**
   * The choices the latest record withdrew, if it is a withdrawal or an objection and any module it
   * denied said yes just before it and still says no at {@code now}.
   *
   * @param oldestFirst the patient's records in the order they were appended
   */
  public static Optional<RestorableChoices> of(
      Patient patient, List<ConsentRecord> oldestFirst, JurisdictionPolicy policy, Instant now) {
    if (oldestFirst.isEmpty()) {
      return Optional.empty();
    }
    ConsentRecord latest = oldestFirst.get(oldestFirst.size() - 1);
    if (latest.kind() != RecordKind.WITHDRAWAL && latest.kind() != RecordKind.OBJECTION) {
      return Optional.empty();
    }
    Map<ConsentModule, ModuleState> before =
        ConsentStates.asOf(
            patient, oldestFirst.subList(0, oldestFirst.size() - 1), policy, latest.recordedAt());
    Map<ConsentModule, ModuleState> after = ConsentStates.asOf(patient, oldestFirst, policy, now);
    Set<ConsentModule> modules = EnumSet.noneOf(ConsentModule.class);
    before.forEach(
        (module, state) -> {
          if (state.permits() && !after.get(module).permits()) {
            modules.add(module);
          }
        });
    return modules.isEmpty()
        ? Optional.empty()
        : Optional.of(new RestorableChoices(latest.recordedAt(), modules));
  }
}
