package eu.clinnova.consent.domain;

import static eu.clinnova.consent.domain.ConsentModule.AI_TRAINING;
import static eu.clinnova.consent.domain.ConsentModule.CLINICAL_DATA;
import static eu.clinnova.consent.domain.ConsentModule.CROSS_BORDER;
import static eu.clinnova.consent.domain.ConsentModule.GENETIC;
import static eu.clinnova.consent.domain.ConsentModule.RECONTACT;
import static eu.clinnova.consent.domain.ConsentModule.SAMPLES;
import static eu.clinnova.consent.domain.Decision.DENY;
import static eu.clinnova.consent.domain.Decision.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.policy.PolicyCatalogue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** State derivation per jurisdiction, with the bundled policies. */
class ConsentStatesTest {

  static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  static JurisdictionPolicy policy(String jurisdiction) {
    return POLICIES.of(jurisdiction).orElseThrow();
  }

  static ModuleState state(
      List<ConsentRecord> records, String jurisdiction, String at, ConsentModule module) {
    ModuleState whole =
        ConsentStates.asOf(records, policy(jurisdiction), Instant.parse(at)).get(module);
    // The release gate derives only the modules a release needs: the same state.
    assertEquals(
        whole,
        ConsentStates.asOf(
                records, policy(jurisdiction), Instant.parse(at), java.util.Set.of(module))
            .get(module));
    return whole;
  }

  @Nested
  class Luxembourg {
    final JurisdictionPolicy lu = policy("LU");

    @Test
    void withoutARecordEveryModuleIsDenied() {
      for (ModuleState state : ConsentStates.asOf(List.of(), lu, Instant.now()).values()) {
        assertEquals(DENY, state.decision());
        assertEquals(ModuleState.Reason.NO_RECORD, state.reason());
      }
    }

    @Test
    void aWithdrawalDeniesFromItsCommitAndThePastStaysAsItWas() {
      ConsentRecord given =
          Records.consent(
              lu,
              "2026-01-10T09:00:00Z",
              SignerKind.SELF,
              Map.of(CLINICAL_DATA, PERMIT, GENETIC, PERMIT));
      ConsentRecord withdrawn = Records.withdrawal("2026-03-01T12:00:00Z", GENETIC);
      List<ConsentRecord> records = List.of(given, withdrawn);
      assertEquals(PERMIT, state(records, "LU", "2026-02-01T00:00:00Z", GENETIC).decision());
      ModuleState after = state(records, "LU", "2026-03-01T12:00:00Z", GENETIC);
      assertEquals(DENY, after.decision());
      assertEquals(ModuleState.Reason.WITHDRAWN, after.reason());
      assertEquals(Optional.of(withdrawn.id()), after.recordId());
      assertEquals(PERMIT, state(records, "LU", "2026-06-01T00:00:00Z", CLINICAL_DATA).decision());
    }

    @Test
    void withdrawingEverythingDeniesEveryModule() {
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  lu,
                  "2026-01-10T09:00:00Z",
                  SignerKind.SELF,
                  Map.of(CLINICAL_DATA, PERMIT, AI_TRAINING, PERMIT)),
              Records.withdrawal("2026-02-01T00:00:00Z"));
      ConsentStates.asOf(records, lu, Instant.parse("2026-02-02T00:00:00Z"))
          .values()
          .forEach(state -> assertEquals(DENY, state.decision()));
    }

    @Test
    void consentingAgainAfterAWithdrawalPermitsAgain() {
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  lu, "2026-01-10T09:00:00Z", SignerKind.SELF, Map.of(AI_TRAINING, PERMIT)),
              Records.withdrawal("2026-02-01T00:00:00Z"),
              Records.consent(
                  lu, "2026-04-01T00:00:00Z", SignerKind.SELF, Map.of(AI_TRAINING, PERMIT)));
      assertEquals(PERMIT, state(records, "LU", "2026-05-01T00:00:00Z", AI_TRAINING).decision());
    }

    @Test
    void recordsCountInTheOrderOfTheirTimeWhateverTheListsOrder() {
      ConsentRecord given =
          Records.consent(lu, "2026-01-10T09:00:00Z", SignerKind.SELF, Map.of(AI_TRAINING, PERMIT));
      ConsentRecord withdrawn = Records.withdrawal("2026-02-01T00:00:00Z");
      ConsentRecord again =
          Records.consent(lu, "2026-04-01T00:00:00Z", SignerKind.SELF, Map.of(AI_TRAINING, PERMIT));
      List<ConsentRecord> shuffled = List.of(again, given, withdrawn);
      assertEquals(PERMIT, state(shuffled, "LU", "2026-05-01T00:00:00Z", AI_TRAINING).decision());
      ModuleState between = state(shuffled, "LU", "2026-03-01T00:00:00Z", AI_TRAINING);
      assertEquals(ModuleState.Reason.WITHDRAWN, between.reason());
      assertEquals(Optional.of(withdrawn.id()), between.recordId());
      assertEquals(
          ModuleState.Reason.WITHDRAWN,
          state(List.of(given, again, withdrawn), "LU", "2026-03-01T00:00:00Z", AI_TRAINING)
              .reason());
    }
  }

  @Nested
  class France {
    final JurisdictionPolicy fr = policy("FR");

    @Test
    void beforeBeingInformedNothingIsPermitted() {
      assertEquals(DENY, state(List.of(), "FR", "2026-05-01T00:00:00Z", CLINICAL_DATA).decision());
    }

    @Test
    void onceInformedAndWithoutObjectionReuseIsPermittedButNotResearchInvolvingThePerson() {
      List<ConsentRecord> records = List.of(Records.information("2026-01-05T08:00:00Z"));
      ModuleState clinical = state(records, "FR", "2026-05-01T00:00:00Z", CLINICAL_DATA);
      assertEquals(PERMIT, clinical.decision());
      assertEquals(ModuleState.Reason.NON_OPPOSITION, clinical.reason());
      assertEquals(PERMIT, state(records, "FR", "2026-05-01T00:00:00Z", CROSS_BORDER).decision());
      assertEquals(
          DENY,
          state(records, "FR", "2026-05-01T00:00:00Z", SAMPLES).decision(),
          "explicit consent needed");
      assertEquals(
          DENY,
          state(records, "FR", "2026-05-01T00:00:00Z", GENETIC).decision(),
          "explicit consent needed");
      assertEquals(
          DENY,
          state(records, "FR", "2026-01-04T00:00:00Z", CLINICAL_DATA).decision(),
          "not yet informed");
    }

    @Test
    void anObjectionActsLikeAWithdrawalOfEverything() {
      List<ConsentRecord> records =
          List.of(
              Records.information("2026-01-05T08:00:00Z"),
              Records.consent(fr, "2026-01-06T08:00:00Z", SignerKind.SELF, Map.of(GENETIC, PERMIT)),
              Records.objection("2026-03-01T00:00:00Z"));
      for (ModuleState state :
          ConsentStates.asOf(records, fr, Instant.parse("2026-03-02T00:00:00Z")).values()) {
        assertEquals(DENY, state.decision(), state.module().code());
        assertEquals(ModuleState.Reason.OBJECTED, state.reason());
      }
      assertEquals(PERMIT, state(records, "FR", "2026-02-01T00:00:00Z", GENETIC).decision());
    }

    @Test
    void anExplicitDenyOverridesNonOpposition() {
      List<ConsentRecord> records =
          List.of(
              Records.information("2026-01-05T08:00:00Z"),
              Records.consent(
                  fr, "2026-01-06T08:00:00Z", SignerKind.SELF, Map.of(AI_TRAINING, DENY)));
      assertEquals(DENY, state(records, "FR", "2026-05-01T00:00:00Z", AI_TRAINING).decision());
      assertEquals(PERMIT, state(records, "FR", "2026-05-01T00:00:00Z", CLINICAL_DATA).decision());
    }
  }

  @Nested
  class Germany {
    final JurisdictionPolicy de = policy("DE");

    @Test
    void eachModulesPermitEndsAfterItsOwnValidityPeriod() {
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  de,
                  "2026-01-10T09:00:00Z",
                  SignerKind.SELF,
                  Map.of(CLINICAL_DATA, PERMIT, RECONTACT, PERMIT)));
      ModuleState recontact = state(records, "DE", "2030-01-01T00:00:00Z", RECONTACT);
      assertEquals(PERMIT, recontact.decision());
      assertEquals(Optional.of(Instant.parse("2031-01-10T09:00:00Z")), recontact.validUntil());
      ModuleState expired = state(records, "DE", "2031-01-10T09:00:00Z", RECONTACT);
      assertEquals(DENY, expired.decision());
      assertEquals(ModuleState.Reason.EXPIRED, expired.reason());
      assertEquals(PERMIT, state(records, "DE", "2055-12-31T00:00:00Z", CLINICAL_DATA).decision());
      assertEquals(DENY, state(records, "DE", "2056-01-10T09:00:00Z", CLINICAL_DATA).decision());
    }

    @Test
    void anExpiredPermitDoesNotFallBackToAnOlderOne() {
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  de, "2020-01-01T00:00:00Z", SignerKind.SELF, Map.of(RECONTACT, PERMIT)),
              Records.consent(
                  de, "2021-01-01T00:00:00Z", SignerKind.SELF, Map.of(RECONTACT, PERMIT)));
      assertEquals(
          ModuleState.Reason.EXPIRED,
          state(records, "DE", "2026-06-01T00:00:00Z", RECONTACT).reason());
    }
  }

  @Nested
  class Switzerland {
    final JurisdictionPolicy ch = policy("CH");

    @Test
    void generalConsentDoesNotCoverGeneticData() {
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  ch,
                  "2026-01-10T09:00:00Z",
                  SignerKind.SELF,
                  Map.of(CLINICAL_DATA, PERMIT, SAMPLES, PERMIT)));
      assertEquals(PERMIT, state(records, "CH", "2026-02-01T00:00:00Z", CLINICAL_DATA).decision());
      assertEquals(DENY, state(records, "CH", "2026-02-01T00:00:00Z", GENETIC).decision());
      assertEquals(DENY, state(records, "CH", "2026-02-01T00:00:00Z", CROSS_BORDER).decision());
    }

    @Test
    void aRepresentativesConsentStandsUntilThePatientAnswersAfterRegainingCapacity() {
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  ch,
                  "2026-01-10T09:00:00Z",
                  SignerKind.REPRESENTATIVE,
                  Map.of(CLINICAL_DATA, PERMIT)));
      Instant later = Instant.parse("2026-09-01T00:00:00Z");
      assertEquals(
          Optional.of(ReconsentDue.Trigger.REGAINED_CAPACITY),
          ReconsentDue.check(
              records, ch, Optional.empty(), Optional.of(LocalDate.parse("2026-08-01")), later));
      assertEquals(PERMIT, state(records, "CH", "2026-09-01T00:00:00Z", CLINICAL_DATA).decision());
      List<ConsentRecord> answered =
          List.of(
              records.get(0),
              Records.consent(
                  ch, "2026-09-02T00:00:00Z", SignerKind.SELF, Map.of(CLINICAL_DATA, DENY)));
      assertEquals(
          Optional.empty(),
          ReconsentDue.check(
              answered,
              ch,
              Optional.empty(),
              Optional.of(LocalDate.parse("2026-08-01")),
              Instant.parse("2026-09-03T00:00:00Z")));
      assertEquals(DENY, state(answered, "CH", "2026-09-03T00:00:00Z", CLINICAL_DATA).decision());
    }
  }

  @Nested
  class Minors {
    final JurisdictionPolicy lu = policy("LU");
    final List<ConsentRecord> guardians =
        List.of(
            Records.consent(
                lu, "2020-05-01T00:00:00Z", SignerKind.GUARDIAN, Map.of(CLINICAL_DATA, PERMIT)));
    final Optional<LocalDate> eighteenth = Optional.of(LocalDate.parse("2026-07-14"));

    @Test
    void theGuardiansConsentStandsAndThePatientIsAskedOnTheir18thBirthday() {
      Instant dayBefore = Instant.parse("2026-07-13T23:59:59Z");
      Instant birthday = Instant.parse("2026-07-14T00:00:00Z");
      assertEquals(
          Optional.empty(),
          ReconsentDue.check(guardians, lu, eighteenth, Optional.empty(), dayBefore));
      assertEquals(
          Optional.of(ReconsentDue.Trigger.CAME_OF_AGE),
          ReconsentDue.check(guardians, lu, eighteenth, Optional.empty(), birthday));
      assertTrue(
          ConsentStates.asOf(guardians, lu, birthday).get(CLINICAL_DATA).permits(),
          "until they answer");
    }

    @Test
    void onceThePatientConsentsThemselfNothingIsDue() {
      List<ConsentRecord> records =
          List.of(
              guardians.get(0),
              Records.consent(
                  lu, "2026-07-20T00:00:00Z", SignerKind.SELF, Map.of(CLINICAL_DATA, PERMIT)));
      assertFalse(
          ReconsentDue.check(
                  records, lu, eighteenth, Optional.empty(), Instant.parse("2026-08-01T00:00:00Z"))
              .isPresent());
    }
  }

  @Nested
  class ComingOfAge {
    final JurisdictionPolicy lu = policy("LU");
    final Patient minor =
        new Patient(
            "LU-0100",
            "LU",
            "CHL",
            java.util.Set.of(Patient.Cohort.IBD),
            true,
            java.time.LocalDate.of(2027, 3, 1));

    @Test
    void aGuardiansYesLapsesOnTheDayOfMajorityUntilThePatientDecides() {
      List<ConsentRecord> records =
          new java.util.ArrayList<>(
              List.of(
                  Records.consent(
                      lu,
                      "2026-01-10T09:00:00Z",
                      SignerKind.GUARDIAN,
                      Map.of(CLINICAL_DATA, PERMIT, GENETIC, DENY))));
      assertEquals(
          PERMIT,
          ConsentStates.asOf(minor, records, lu, Instant.parse("2027-02-28T23:59:59Z"))
              .get(CLINICAL_DATA)
              .decision(),
          "the day before majority the guardian's yes counts");
      ModuleState lapsed =
          ConsentStates.asOf(minor, records, lu, Instant.parse("2027-03-01T00:00:00Z"))
              .get(CLINICAL_DATA);
      assertEquals(DENY, lapsed.decision());
      assertEquals(ModuleState.Reason.RENEWAL_DUE, lapsed.reason());
      assertEquals(
          ModuleState.Reason.RECORDED,
          ConsentStates.asOf(minor, records, lu, Instant.parse("2027-03-01T00:00:00Z"))
              .get(GENETIC)
              .reason(),
          "a guardian's no stays a no");
      records.add(
          Records.consent(
              lu, "2027-04-02T10:00:00Z", SignerKind.SELF, Map.of(CLINICAL_DATA, PERMIT)));
      ModuleState own =
          ConsentStates.asOf(minor, records, lu, Instant.parse("2027-04-02T10:00:01Z"))
              .get(CLINICAL_DATA);
      assertEquals(PERMIT, own.decision(), "the patient's own yes counts");
      assertEquals(
          DENY,
          ConsentStates.asOf(minor, records, lu, Instant.parse("2027-04-02T10:00:01Z"))
              .get(GENETIC)
              .decision());
    }

    @Test
    void aPolicyMayLetTheGuardiansYesStandUntilThePatientDecides() throws Exception {
      String json;
      try (var in = PolicyCatalogue.class.getResourceAsStream(PolicyCatalogue.RESOURCE)) {
        json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      JurisdictionPolicy standing =
          PolicyCatalogue.read(
                  new java.io.ByteArrayInputStream(
                      json.replace("\"permits-lapse\"", "\"permits-stand\"")
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              .of("LU")
              .orElseThrow();
      assertEquals(JurisdictionPolicy.RenewalEffect.PERMITS_STAND, standing.whileRenewalDue());
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  standing,
                  "2026-01-10T09:00:00Z",
                  SignerKind.GUARDIAN,
                  Map.of(CLINICAL_DATA, PERMIT)));
      assertEquals(
          PERMIT,
          ConsentStates.asOf(minor, records, standing, Instant.parse("2027-06-01T00:00:00Z"))
              .get(CLINICAL_DATA)
              .decision());
    }

    @Test
    void aMinorWithoutADayOfMajorityAndAnAdultAreNotAffected() {
      List<ConsentRecord> records =
          List.of(
              Records.consent(
                  lu, "2026-01-10T09:00:00Z", SignerKind.GUARDIAN, Map.of(CLINICAL_DATA, PERMIT)));
      Patient noDay =
          new Patient("LU-0101", "LU", "CHL", java.util.Set.of(Patient.Cohort.IBD), true, null);
      assertEquals(
          PERMIT,
          ConsentStates.asOf(noDay, records, lu, Instant.parse("2040-01-01T00:00:00Z"))
              .get(CLINICAL_DATA)
              .decision(),
          "a minor stays one until a steward records the day");
    }
  }

  @Nested
  class RegainedCapacity {
    final JurisdictionPolicy ch = policy("CH");
    final Patient adult =
        new Patient("CH-0100", "CH", "USB", java.util.Set.of(Patient.Cohort.MS), false, null);

    @Test
    void aRepresentativesYesLapsesOnceCapacityIsRegainedUntilThePatientDecides() {
      List<ConsentRecord> records =
          new java.util.ArrayList<>(
              List.of(
                  Records.consent(
                      ch,
                      "2026-02-01T09:00:00Z",
                      SignerKind.REPRESENTATIVE,
                      Map.of(CLINICAL_DATA, PERMIT, GENETIC, DENY))));
      assertEquals(
          PERMIT,
          ConsentStates.asOf(adult, records, ch, Instant.parse("2026-05-01T00:00:00Z"))
              .get(CLINICAL_DATA)
              .decision());
      records.add(
          ConsentRecord.capacityRegained(
              "cap-1", "CH-0100", Instant.parse("2026-06-01T08:00:00Z")));
      assertEquals(
          PERMIT,
          ConsentStates.asOf(adult, records, ch, Instant.parse("2026-05-31T00:00:00Z"))
              .get(CLINICAL_DATA)
              .decision(),
          "as of before it was recorded, the representative's yes counted");
      ModuleState lapsed =
          ConsentStates.asOf(adult, records, ch, Instant.parse("2026-06-02T00:00:00Z"))
              .get(CLINICAL_DATA);
      assertEquals(ModuleState.Reason.RENEWAL_DUE, lapsed.reason());
      assertEquals(DENY, lapsed.decision());
      records.add(
          Records.consent(
              ch, "2026-06-10T10:00:00Z", SignerKind.SELF, Map.of(CLINICAL_DATA, PERMIT)));
      assertEquals(
          PERMIT,
          ConsentStates.asOf(adult, records, ch, Instant.parse("2026-06-11T00:00:00Z"))
              .get(CLINICAL_DATA)
              .decision());
      assertEquals(
          java.util.Optional.of(ReconsentDue.Trigger.REGAINED_CAPACITY),
          ReconsentDue.check(
              records.subList(0, 2),
              ch,
              java.util.Optional.empty(),
              java.util.Optional.of(java.time.LocalDate.of(2026, 6, 1)),
              Instant.parse("2026-06-02T00:00:00Z")));
    }
  }
}
