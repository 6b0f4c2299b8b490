package eu.clinnova.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a patient's consent state from their records, as of any instant (point-in-time queries:
 * "what was the consent on that date"). Records are never changed; the state is a fold over them:
 *
 * <ul>
 *   <li>for each module, the latest record (recorded at or before the instant) that says something
 *       about it decides: a permit, a deny, a withdrawal or an objection;
 *   <li>a permit whose validity (from the policy when it was recorded) has ended is a deny, reason
 *       EXPIRED: an expired permit never falls back to an older one;
 *   <li>without any such record, the jurisdiction's default: deny, except in a non-opposition
 *       jurisdiction (FR) for the modules it lists, once the patient was informed and as long as
 *       they have not objected.
 * </ul>
 *
 * A guardian's permit for a minor counts like the patient's own until the patient comes of age;
 * from their day of majority, if the policy says renewal is due then and that permits lapse while
 * it is ({@link JurisdictionPolicy#whileRenewalDue}), it is a deny, reason RENEWAL_DUE, until the
 * patient records their own decision (re-consent requests ask them to, see {@link ReconsentDue}).
 * Likewise a representative's permits (CH) once a steward recorded that the patient regained
 * capacity ({@link RecordKind#CAPACITY}).
 */
public final class ConsentStates {

  private ConsentStates() {}

  /** Records in the order they were appended: by time, then by their position in the list. */
  static final Comparator<ConsentRecord> APPEND_ORDER =
      Comparator.comparing(ConsentRecord::recordedAt);

  private static final Set<ConsentModule> EVERY_MODULE = EnumSet.allOf(ConsentModule.class);

  public static Map<ConsentModule, ModuleState> asOf(
      List<ConsentRecord> records, JurisdictionPolicy policy, Instant instant) {
    return asOf(records, policy, instant, EVERY_MODULE);
  }

  /** The state of {@code modules} only (the release gate derives what a release needs). */
  public static Map<ConsentModule, ModuleState> asOf(
      List<ConsentRecord> records,
      JurisdictionPolicy policy,
      Instant instant,
      Set<ConsentModule> modules) {
    return asOf(records, policy, instant, modules, Optional.empty());
  }

  /**
   * A patient's state: their day of majority, if they were enrolled as a minor with one, counts.
   */
  public static Map<ConsentModule, ModuleState> asOf(
      Patient patient,
      List<ConsentRecord> records,
      JurisdictionPolicy policy,
      Instant instant,
      Set<ConsentModule> modules) {
    return asOf(
        records, policy, instant, modules, patient.minor() ? patient.majority() : Optional.empty());
  }

  /** The same for every module. */
  public static Map<ConsentModule, ModuleState> asOf(
      Patient patient, List<ConsentRecord> records, JurisdictionPolicy policy, Instant instant) {
    return asOf(patient, records, policy, instant, EVERY_MODULE);
  }

  private static Map<ConsentModule, ModuleState> asOf(
      List<ConsentRecord> records,
      JurisdictionPolicy policy,
      Instant instant,
      Set<ConsentModule> modules,
      Optional<LocalDate> majority) {
    List<ConsentRecord> known = upTo(records, instant);
    boolean lapse = policy.whileRenewalDue() == JurisdictionPolicy.RenewalEffect.PERMITS_LAPSE;
    boolean guardiansLapse =
        lapse
            && majority.isPresent()
            && policy.renewAtMajority()
            && !LocalDate.ofInstant(instant, ZoneOffset.UTC).isBefore(majority.get());
    // A representative's permits recorded before the patient regained capacity (CH).
    Optional<Instant> capacity =
        lapse && policy.renewAtCapacity()
            ? known.stream()
                .filter(record -> record.kind() == RecordKind.CAPACITY)
                .map(ConsentRecord::recordedAt)
                .findFirst()
            : Optional.empty();
    Renewal renewal = new Renewal(guardiansLapse, capacity);
    Map<ConsentModule, ModuleState> state = new EnumMap<>(ConsentModule.class);
    for (ConsentModule module : modules) {
      state.put(module, moduleState(module, known, policy, instant, renewal));
    }
    return state;
  }

  /**
   * The records recorded at or before {@code instant}, in append order. Usually that is the whole
   * list as given, which is then used as it is (the gate derives 10,000 patients' states at once).
   */
  private static List<ConsentRecord> upTo(List<ConsentRecord> records, Instant instant) {
    boolean asGiven = true;
    for (int i = 0; i < records.size() && asGiven; i++) {
      Instant at = records.get(i).recordedAt();
      asGiven = !at.isAfter(instant) && (i == 0 || !records.get(i - 1).recordedAt().isAfter(at));
    }
    if (asGiven) {
      return records;
    }
    List<ConsentRecord> known = new ArrayList<>(records.size());
    for (ConsentRecord record : records) {
      if (!record.recordedAt().isAfter(instant)) {
        known.add(record);
      }
    }
    known.sort(APPEND_ORDER); // stable: records of the same instant keep their append order
    return known;
  }

  private static ModuleState moduleState(
      ConsentModule module,
      List<ConsentRecord> known,
      JurisdictionPolicy policy,
      Instant instant,
      Renewal renewal) {
    for (int i = known.size() - 1; i >= 0; i--) {
      ConsentRecord record = known.get(i);
      Optional<Decision> decision = record.decisionFor(module);
      if (decision.isEmpty()) {
        continue;
      }
      Optional<String> id = Optional.of(record.id());
      Optional<Instant> since = Optional.of(record.recordedAt());
      if (decision.get() == Decision.DENY) {
        ModuleState.Reason reason =
            switch (record.kind()) {
              case WITHDRAWAL -> ModuleState.Reason.WITHDRAWN;
              case OBJECTION -> ModuleState.Reason.OBJECTED;
              default -> ModuleState.Reason.RECORDED;
            };
        return new ModuleState(module, Decision.DENY, reason, id, since, Optional.empty());
      }
      Optional<Instant> until = record.validUntil(module);
      if (until.isPresent() && !until.get().isAfter(instant)) {
        return new ModuleState(module, Decision.DENY, ModuleState.Reason.EXPIRED, id, since, until);
      }
      if (renewal.lapsed(record)) {
        return new ModuleState(
            module, Decision.DENY, ModuleState.Reason.RENEWAL_DUE, id, since, until);
      }
      return new ModuleState(
          module, Decision.PERMIT, ModuleState.Reason.RECORDED, id, since, until);
    }
    return byDefault(module, known, policy);
  }

  /**
   * Whose permits must be renewed by the patient as of the instant, where the policy lets them
   * lapse meanwhile: a guardian's once the minor has come of age; a representative's recorded
   * before the patient regained capacity.
   */
  private record Renewal(boolean guardiansLapse, Optional<Instant> capacityRegainedAt) {

    boolean lapsed(ConsentRecord record) {
      return switch (record.signer()) {
        case GUARDIAN -> guardiansLapse;
        case REPRESENTATIVE ->
            capacityRegainedAt.map(at -> !record.recordedAt().isAfter(at)).orElse(false);
        default -> false;
      };
    }
  }

  private static ModuleState byDefault(
      ConsentModule module, List<ConsentRecord> known, JurisdictionPolicy policy) {
    if (policy.nonOppositionModules().contains(module)) {
      Optional<ConsentRecord> informed =
          known.stream().filter(record -> record.kind() == RecordKind.INFORMATION).findFirst();
      if (informed.isPresent()) {
        return new ModuleState(
            module,
            Decision.PERMIT,
            ModuleState.Reason.NON_OPPOSITION,
            Optional.of(informed.get().id()),
            Optional.of(informed.get().recordedAt()),
            Optional.empty());
      }
    }
    return new ModuleState(
        module,
        Decision.DENY,
        ModuleState.Reason.NO_RECORD,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
