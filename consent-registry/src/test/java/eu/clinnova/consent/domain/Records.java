package eu.clinnova.consent.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds records as the registry would append them, with validity from the policy. */
final class Records {

  private static final AtomicInteger IDS = new AtomicInteger();

  private Records() {}

  static ConsentRecord consent(
      JurisdictionPolicy policy,
      String at,
      SignerKind signer,
      Map<ConsentModule, Decision> decisions) {
    Instant when = Instant.parse(at);
    Map<ConsentModule, Instant> validUntil = new EnumMap<>(ConsentModule.class);
    decisions.forEach(
        (module, decision) -> {
          if (decision == Decision.PERMIT) {
            policy.permitEnds(module, when).ifPresent(end -> validUntil.put(module, end));
          }
        });
    return new ConsentRecord(
        "rec-" + IDS.incrementAndGet(),
        "XX-0001",
        RecordKind.CONSENT,
        "FORM",
        1,
        "en",
        "0".repeat(64),
        decisions,
        Set.of(),
        signer,
        when,
        validUntil);
  }

  static ConsentRecord withdrawal(String at, ConsentModule... modules) {
    return other(RecordKind.WITHDRAWAL, at, Set.of(modules));
  }

  static ConsentRecord objection(String at) {
    return other(RecordKind.OBJECTION, at, Set.of());
  }

  static ConsentRecord information(String at) {
    return other(RecordKind.INFORMATION, at, Set.of());
  }

  private static ConsentRecord other(RecordKind kind, String at, Set<ConsentModule> modules) {
    return new ConsentRecord(
        "rec-" + IDS.incrementAndGet(),
        "XX-0001",
        kind,
        null,
        null,
        "en",
        null,
        Map.of(),
        modules,
        SignerKind.SELF,
        Instant.parse(at),
        Map.of());
  }
}
