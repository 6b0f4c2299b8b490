package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import eu.clinnova.consent.application.ConsentQueries.PatientState;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.application.ModulesNeeded;
import eu.clinnova.workflow.application.Purpose;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.Diseases;
import eu.clinnova.workflow.duo.DuoTerm;
import eu.clinnova.workflow.entitlement.Entitlement;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReleaseRulesTest {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final JurisdictionPolicy LU = PolicyCatalogue.bundled().of("LU").orElseThrow();

  static final Dataset DATASET =
      new Dataset(
          "lu-set",
          "LU set",
          "",
          "LU",
          "IBD",
          new DataUse(DuoTerm.GRU, Optional.empty(), Set.of()),
          List.of("CLINICAL-DATA"),
          Optional.empty(),
          10,
          Instant.EPOCH);

  static Entitlement entitlement(Instant until, Optional<Instant> revoked, LocalDate ethicsEnd) {
    return new Entitlement(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "sub",
        "lu-set",
        "LU",
        UUID.randomUUID(),
        ethicsEnd,
        NOW.minusSeconds(86400),
        until,
        revoked,
        Optional.empty());
  }

  static EthicsApproval ethics(LocalDate until) {
    return new EthicsApproval(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "LU",
        "CNER",
        "CNER 202301",
        LocalDate.of(2026, 1, 1),
        until,
        UUID.randomUUID(),
        Instant.EPOCH);
  }

  static ReleaseRules.Grounds grounds(
      Optional<Entitlement> entitlement, boolean agreement, Optional<EthicsApproval> ethics) {
    return new ReleaseRules.Grounds(
        DATASET,
        entitlement,
        agreement,
        ethics,
        ModulesNeeded.of(DATASET, Optional.empty(), false, LU));
  }

  @Test
  void theWholeRequestNeedsAnActiveEntitlementTheAgreementAndCurrentEthics() {
    LocalDate later = LocalDate.of(2027, 6, 30);
    Entitlement active = entitlement(NOW.plusSeconds(86400), Optional.empty(), later);
    assertEquals(
        List.of(),
        ReleaseRules.wholeRequest(
            grounds(Optional.of(active), true, Optional.of(ethics(later))), NOW));
    assertEquals(
        List.of("no-entitlement", "agreement-missing", "ethics-expired"),
        ReleaseRules.wholeRequest(grounds(Optional.empty(), false, Optional.empty()), NOW));
    assertEquals(
        List.of("entitlement-revoked"),
        ReleaseRules.wholeRequest(
            grounds(
                Optional.of(
                    entitlement(NOW.plusSeconds(86400), Optional.of(NOW.minusSeconds(1)), later)),
                true,
                Optional.of(ethics(later))),
            NOW));
    assertEquals(
        List.of("entitlement-expired"),
        ReleaseRules.wholeRequest(
            grounds(
                Optional.of(entitlement(NOW, Optional.empty(), later)),
                true,
                Optional.of(ethics(later))),
            NOW));
    LocalDate ended = LocalDate.of(2026, 11, 27);
    assertEquals(
        List.of("ethics-expired"),
        ReleaseRules.wholeRequest(
            grounds(
                Optional.of(entitlement(NOW.plusSeconds(86400), Optional.empty(), ended)),
                true,
                Optional.of(ethics(ended))),
            NOW),
        "a suspended entitlement is denied for the ethics approval, once");
  }

  static PatientState state(
      String psn,
      String jurisdiction,
      Set<Patient.Cohort> cohorts,
      Map<ConsentModule, ModuleState.Reason> modules) {
    Map<ConsentModule, ModuleState> states = new EnumMap<>(ConsentModule.class);
    modules.forEach(
        (module, reason) ->
            states.put(
                module,
                new ModuleState(
                    module,
                    reason == ModuleState.Reason.RECORDED
                            || reason == ModuleState.Reason.NON_OPPOSITION
                        ? Decision.PERMIT
                        : Decision.DENY,
                    reason,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())));
    return new PatientState(new Patient(psn, jurisdiction, "CHL", cohorts, false, null), states);
  }

  @Test
  void eachSubjectNeedsToBeOfTheNodeInTheCohortWithPermitOnEveryModuleNeeded() {
    Purpose geneticOnCrohn =
        new Purpose(
            List.of("DS"),
            Optional.of(Diseases.CROHN),
            "Genetics of Crohn",
            false,
            false,
            true,
            false,
            Optional.empty());
    Set<ConsentModule> needed = ModulesNeeded.of(DATASET, Optional.of(geneticOnCrohn), true, LU);
    assertEquals(
        Set.of(ConsentModule.CLINICAL_DATA, ConsentModule.CROSS_BORDER, ConsentModule.GENETIC),
        needed);
    Map<ConsentModule, ModuleState.Reason> all =
        Map.of(
            ConsentModule.CLINICAL_DATA, ModuleState.Reason.RECORDED,
            ConsentModule.CROSS_BORDER, ModuleState.Reason.RECORDED,
            ConsentModule.GENETIC, ModuleState.Reason.RECORDED);
    assertEquals(
        Optional.empty(),
        ReleaseRules.subject(
            state("LU-0001", "LU", Set.of(Patient.Cohort.IBD), all), DATASET, needed));
    assertEquals(Optional.of("unknown-subject"), ReleaseRules.subject(null, DATASET, needed));
    assertEquals(
        Optional.of("unknown-subject"),
        ReleaseRules.subject(
            state("FR-0001", "FR", Set.of(Patient.Cohort.IBD), all), DATASET, needed),
        "another node's patient is unknown here");
    assertEquals(
        Optional.of("wrong-cohort"),
        ReleaseRules.subject(
            state("LU-0002", "LU", Set.of(Patient.Cohort.MS), all), DATASET, needed));
    Map<ConsentModule, ModuleState.Reason> withdrawn = new EnumMap<>(all);
    withdrawn.put(ConsentModule.GENETIC, ModuleState.Reason.WITHDRAWN);
    assertEquals(
        Optional.of("consent-withdrawn"),
        ReleaseRules.subject(
            state("LU-0003", "LU", Set.of(Patient.Cohort.IBD), withdrawn), DATASET, needed));
    Map<ConsentModule, ModuleState.Reason> missing = new EnumMap<>(all);
    missing.remove(ConsentModule.CROSS_BORDER);
    assertEquals(
        Optional.of("consent-missing"),
        ReleaseRules.subject(
            state("LU-0004", "LU", Set.of(Patient.Cohort.IBD), missing), DATASET, needed));
    Map<ConsentModule, ModuleState.Reason> objected =
        Map.of(ConsentModule.CLINICAL_DATA, ModuleState.Reason.OBJECTED);
    assertEquals(
        Optional.of("consent-withdrawn"),
        ReleaseRules.subject(
            state("LU-0005", "LU", Set.of(Patient.Cohort.IBD), objected),
            DATASET,
            Set.of(ConsentModule.CLINICAL_DATA)),
        "an objection (FR) acts like a withdrawal");
  }

  @Test
  void aModuleAddedByAMajorFormVersionIsMissingUntilThePatientDecides() {
    // Version 1 of the form asked nothing about AI training; version 2 (major) adds the module.
    Set<ConsentModule> aiNeeded = Set.of(ConsentModule.CLINICAL_DATA, ConsentModule.AI_TRAINING);
    eu.clinnova.consent.domain.ConsentRecord onVersion1 =
        new eu.clinnova.consent.domain.ConsentRecord(
            "r1",
            "LU-0010",
            eu.clinnova.consent.domain.RecordKind.CONSENT,
            "lu-research-consent",
            1,
            "en",
            "0".repeat(64),
            Map.of(ConsentModule.CLINICAL_DATA, Decision.PERMIT),
            Set.of(),
            eu.clinnova.consent.domain.SignerKind.SELF,
            NOW.minusSeconds(86_400 * 400),
            Map.of());
    Patient patient = new Patient("LU-0010", "LU", "CHL", Set.of(Patient.Cohort.IBD), false, null);
    PatientState before =
        new PatientState(
            patient,
            eu.clinnova.consent.domain.ConsentStates.asOf(List.of(onVersion1), LU, NOW, aiNeeded));
    assertEquals(
        Optional.of("consent-missing"),
        ReleaseRules.subject(before, DATASET, aiNeeded),
        "a module the patient never saw is not consented to");
    assertEquals(
        Optional.empty(),
        ReleaseRules.subject(before, DATASET, Set.of(ConsentModule.CLINICAL_DATA)),
        "what they agreed to on version 1 stands");
    eu.clinnova.consent.domain.ConsentRecord onVersion2 =
        new eu.clinnova.consent.domain.ConsentRecord(
            "r2",
            "LU-0010",
            eu.clinnova.consent.domain.RecordKind.CONSENT,
            "lu-research-consent",
            2,
            "en",
            "1".repeat(64),
            Map.of(
                ConsentModule.CLINICAL_DATA,
                Decision.PERMIT,
                ConsentModule.AI_TRAINING,
                Decision.PERMIT),
            Set.of(),
            eu.clinnova.consent.domain.SignerKind.SELF,
            NOW.minusSeconds(60),
            Map.of());
    PatientState after =
        new PatientState(
            patient,
            eu.clinnova.consent.domain.ConsentStates.asOf(
                List.of(onVersion1, onVersion2), LU, NOW, aiNeeded));
    assertEquals(Optional.empty(), ReleaseRules.subject(after, DATASET, aiNeeded));
  }

  @Test
  void aGuardiansYesIsConsentMissingOnceTheMinorComesOfAge() {
    Set<ConsentModule> needed = Set.of(ConsentModule.CLINICAL_DATA);
    eu.clinnova.consent.domain.ConsentRecord byGuardian =
        new eu.clinnova.consent.domain.ConsentRecord(
            "r3",
            "LU-0011",
            eu.clinnova.consent.domain.RecordKind.CONSENT,
            "lu-research-consent",
            1,
            "en",
            "0".repeat(64),
            Map.of(ConsentModule.CLINICAL_DATA, Decision.PERMIT),
            Set.of(),
            eu.clinnova.consent.domain.SignerKind.GUARDIAN,
            NOW.minusSeconds(86_400 * 300),
            Map.of());
    java.util.function.Function<LocalDate, Optional<String>> decidedFor =
        majority -> {
          Patient minor =
              new Patient("LU-0011", "LU", "CHL", Set.of(Patient.Cohort.IBD), true, majority);
          return ReleaseRules.subject(
              new PatientState(
                  minor,
                  eu.clinnova.consent.domain.ConsentStates.asOf(
                      minor, List.of(byGuardian), LU, NOW, needed)),
              DATASET,
              needed);
        };
    assertEquals(Optional.empty(), decidedFor.apply(LocalDate.of(2027, 1, 1)), "still a minor");
    assertEquals(
        Optional.of("consent-missing"),
        decidedFor.apply(LocalDate.of(2026, 11, 28)),
        "of age today: LU's policy lets the guardian's yes lapse until the patient decides");
  }

  @Test
  void requestsAreCheckedWhole() {
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 0; i < ReleaseRequest.MAX_SUBJECTS + 1; i++) {
      many.add(String.format("LU-%06d", i));
    }
    String base =
        "{\"applicationId\":\""
            + UUID.randomUUID()
            + "\",\"datasetId\":\"lu-set\",\"recipient\":\"sub\",";
    assertEquals(
        ReleaseRequest.MAX_SUBJECTS + 1,
        assertInstanceOf(
                ReleaseRequest.Parsed.TooMany.class,
                ReleaseRequest.parse(
                    Json.createObjectBuilder(read(base + "\"subjects\":[]}"))
                        .add("subjects", many)
                        .build()))
            .count());
    assertEquals(List.of("subjects"), invalid(read(base + "\"subjects\":[]}")));
    assertEquals(
        List.of("subjects[1]"), invalid(read(base + "\"subjects\":[\"LU-0001\",\"LU-0001\"]}")));
    assertEquals(List.of("subjects[0]"), invalid(read(base + "\"subjects\":[\"lu-1\"]}")));
    assertEquals(
        List.of("applicationId", "datasetId", "recipient", "subjects"),
        invalid(read("{\"applicationId\":\"x\"}")));
    assertEquals(
        List.of("LU-0001", "LU-0002"),
        assertInstanceOf(
                ReleaseRequest.Parsed.Valid.class,
                ReleaseRequest.parse(read(base + "\"subjects\":[\"LU-0001\",\"LU-0002\"]}")))
            .request()
            .subjects());
  }

  static jakarta.json.JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static List<String> invalid(jakarta.json.JsonObject body) {
    return assertInstanceOf(ReleaseRequest.Parsed.Invalid.class, ReleaseRequest.parse(body))
        .problems()
        .stream()
        .map(problem -> problem.field())
        .toList();
  }
}
