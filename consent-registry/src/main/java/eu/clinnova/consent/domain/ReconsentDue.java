package eu.clinnova.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * When the patient must be asked to consent themself: a minor who has come of age while their
 * consent rests on a guardian's signature, or (CH) an adult whose consent rests on a
 * representative's signature once they have regained capacity. What the earlier permits mean until
 * the patient answers is the policy's ({@code whileRenewalDue}); {@link ConsentStates} applies it.
 */
public final class ReconsentDue {

  /** Why a patient is asked to consent again. */
  public enum Trigger {
    CAME_OF_AGE,
    REGAINED_CAPACITY
  }

  private ReconsentDue() {}

  /**
   * @param adultOn the day the patient comes of age (absent for adults enrolled as such)
   * @param capacityRegainedOn when a represented patient regained capacity, if they did
   */
  public static Optional<Trigger> check(
      List<ConsentRecord> records,
      JurisdictionPolicy policy,
      Optional<LocalDate> adultOn,
      Optional<LocalDate> capacityRegainedOn,
      Instant instant) {
    Optional<ConsentRecord> latest =
        records.stream()
            .filter(
                record ->
                    record.kind() == RecordKind.CONSENT && !record.recordedAt().isAfter(instant))
            .max(ConsentStates.APPEND_ORDER);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.ofInstant(instant, ZoneOffset.UTC);
    SignerKind signer = latest.get().signer();
    if (signer == SignerKind.GUARDIAN
        && policy.renewAtMajority()
        && adultOn.isPresent()
        && !today.isBefore(adultOn.get())) {
      return Optional.of(Trigger.CAME_OF_AGE);
    }
    if (signer == SignerKind.REPRESENTATIVE
        && policy.renewAtCapacity()
        && capacityRegainedOn.isPresent()
        && !today.isBefore(capacityRegainedOn.get())) {
      return Optional.of(Trigger.REGAINED_CAPACITY);
    }
    return Optional.empty();
  }
}
