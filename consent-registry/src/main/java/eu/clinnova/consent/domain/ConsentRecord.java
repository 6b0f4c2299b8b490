package eu.clinnova.consent.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One appended record: what was decided, for which modules, on which exact form text, by whom and
 * when, and until when each permit holds (from the jurisdiction's policy at the time of recording).
 * A withdrawal or objection denies the modules it names (all if none).
 */
public record ConsentRecord(
    String id,
    String psn,
    RecordKind kind,
    String formId,
    Integer formVersion,
    String language,
    String textSha256,
    Map<ConsentModule, Decision> decisions,
    Set<ConsentModule> withdrawn,
    SignerKind signer,
    Instant recordedAt,
    Map<ConsentModule, Instant> validUntil) {

  public ConsentRecord {
    decisions = decisions.isEmpty() ? Map.of() : new EnumMap<>(decisions);
    withdrawn = Set.copyOf(withdrawn);
    validUntil = validUntil.isEmpty() ? Map.of() : new EnumMap<>(validUntil);
    if (kind == RecordKind.CONSENT && decisions.isEmpty()) {
      throw new IllegalArgumentException("a consent record decides at least one module");
    }
  }

  /** That the patient regained capacity (CH), recorded by a data steward at {@code at}. */
  public static ConsentRecord capacityRegained(String id, String psn, Instant at) {
    return new ConsentRecord(
        id,
        psn,
        RecordKind.CAPACITY,
        null,
        null,
        null,
        null,
        Map.of(),
        Set.of(),
        SignerKind.STAFF_PAPER,
        at,
        Map.of());
  }

  // Shared answers: the release gate asks every record about several modules per subject.
  private static final Optional<Decision> PERMITS = Optional.of(Decision.PERMIT);
  private static final Optional<Decision> DENIES = Optional.of(Decision.DENY);

  /** What this record says about {@code module}, if anything. */
  public Optional<Decision> decisionFor(ConsentModule module) {
    return switch (kind) {
      case CONSENT -> answer(decisions.get(module));
      case WITHDRAWAL ->
          withdrawn.isEmpty() || withdrawn.contains(module) ? DENIES : Optional.empty();
      case OBJECTION -> DENIES;
      case INFORMATION, CAPACITY -> Optional.empty();
    };
  }

  private static Optional<Decision> answer(Decision decision) {
    if (decision == null) {
      return Optional.empty();
    }
    return decision == Decision.PERMIT ? PERMITS : DENIES;
  }

  /** The end of the permit for {@code module}; none means it does not expire. */
  public Optional<Instant> validUntil(ConsentModule module) {
    return Optional.ofNullable(validUntil.get(module));
  }
}
