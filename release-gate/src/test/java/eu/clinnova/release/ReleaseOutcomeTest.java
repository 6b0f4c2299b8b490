package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.consent.application.ConsentQueries.PatientState;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.application.SubmissionChecklistTest;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.entitlement.Entitlement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One request's answer: every subject asked is permitted or denied, in the order asked. */
class ReleaseOutcomeTest {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final Dataset DATASET = SubmissionChecklistTest.dataset("lu-set", "LU");

  static Entitlement entitlement(Optional<Instant> revoked, LocalDate ethicsEnd) {
    return new Entitlement(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "sub-1",
        "lu-set",
        "LU",
        UUID.randomUUID(),
        ethicsEnd,
        NOW.minusSeconds(86_400),
        NOW.plusSeconds(86_400 * 30),
        revoked,
        revoked.map(at -> "misuse"));
  }

  static ReleaseRules.Grounds grounds(Entitlement entitlement) {
    return new ReleaseRules.Grounds(
        DATASET,
        Optional.of(entitlement),
        true,
        Optional.of(
            new EthicsApproval(
                UUID.randomUUID(),
                entitlement.applicationId(),
                "LU",
                "CNER",
                "CNER 202401",
                LocalDate.of(2026, 1, 1),
                entitlement.ethicsValidUntil(),
                UUID.randomUUID(),
                NOW)),
        Set.of(ConsentModule.CLINICAL_DATA));
  }

  @Test
  void eachSubjectIsAnsweredInTheOrderAsked() {
    Map<String, PatientState> states =
        Map.of(
            "LU-0002",
            ReleaseRulesTest.state(
                "LU-0002",
                "LU",
                Set.of(Patient.Cohort.valueOf(DATASET.cohort())),
                Map.of(ConsentModule.CLINICAL_DATA, ModuleState.Reason.RECORDED)));
    ReleaseOutcome outcome =
        ReleaseOutcome.of(
            grounds(entitlement(Optional.empty(), LocalDate.of(2027, 1, 1))),
            List.of("LU-0003", "LU-0002", "LU-0001"),
            states,
            NOW);
    assertEquals(List.of(), outcome.reasons());
    assertEquals(List.of("LU-0002"), outcome.permitted());
    assertEquals(
        List.of(
            new Release.Denial("LU-0003", "unknown-subject"),
            new Release.Denial("LU-0001", "unknown-subject")),
        outcome.denied());
    assertEquals(Release.Decision.PARTIAL, outcome.decision(3));
    assertEquals(Map.of("unknown-subject", 2), outcome.denialCounts());
  }

  @Test
  void aWholeRequestDeniedDeniesEverySubjectForItsFirstReason() {
    ReleaseOutcome outcome =
        ReleaseOutcome.of(
            grounds(entitlement(Optional.of(NOW.minusSeconds(5)), LocalDate.of(2026, 11, 1))),
            List.of("LU-0001", "LU-0002"),
            Map.of(),
            NOW);
    assertEquals(List.of("entitlement-revoked", "ethics-expired"), outcome.reasons());
    assertEquals(Release.Decision.DENY, outcome.decision(2));
    assertEquals(
        Map.of("entitlement-revoked", 2), outcome.denialCounts(), "not a word about the subjects");
  }

  @Test
  void aTokenNeverOutlivesTheEntitlementOrItsEthicsApproval() {
    Entitlement endsTonight = entitlement(Optional.empty(), LocalDate.of(2026, 11, 28));
    assertEquals(
        Instant.parse("2026-11-28T11:00:00Z"),
        ReleaseGate.tokenExpiry(grounds(endsTonight), NOW),
        "an hour");
    assertEquals(
        Instant.parse("2026-11-29T00:00:00Z"),
        ReleaseGate.tokenExpiry(grounds(endsTonight), Instant.parse("2026-11-28T23:30:00Z")),
        "the ethics approval's last day ends at midnight UTC");
  }
}
