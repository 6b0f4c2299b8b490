package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.Forms;
import eu.clinnova.consent.infrastructure.PatientStateStore;
import eu.clinnova.consent.registry.PatientCorrection;
import eu.clinnova.consent.registry.PatientFilter;
import eu.clinnova.consent.registry.PatientFilter.ConsentStanding;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stewards find and correct their jurisdiction's patients, without a server: the real stores on a
 * real PostgreSQL, the services wired as the container wires them, and an audit trail that keeps
 * what was put on the record.
 */
class PatientRegistryTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
  private static final Caller STEWARD_LU =
      Caller.staff("sub-steward-lu", Role.DATA_STEWARD, Jurisdiction.LU);

  private static ConsentTestUnit unit;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = ConsentTestUnit.migrated();
    Forms.publish(
        unit.database, "admin", ConsentForms.seedForm("lu-research-consent", NOW.minusSeconds(60)));
    for (int i = 1; i <= 7; i++) {
      unit.enrol(
          NOW,
          new Patient(
              String.format("LU-REG%04d", i),
              "LU",
              i % 2 == 0 ? "CHL" : "HRS",
              i <= 3 ? Set.of(Patient.Cohort.IBD) : Set.of(Patient.Cohort.MS, Patient.Cohort.RA),
              i == 7,
              i == 7 ? LocalDate.of(2030, 1, 1) : null));
    }
    unit.enrol(
        NOW,
        new Patient(
            "LU-COR0001", "LU", "HRS", Set.of(Patient.Cohort.IBD), true, LocalDate.of(2030, 1, 1)),
        new Patient("FR-REG0001", "FR", "CHRU", Set.of(Patient.Cohort.IBD), false));
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  @BeforeEach
  void forget() {
    audit.clear();
  }

  private <T> T registry(Function<PatientRegistry, T> work) {
    return unit.inTransaction(audit, NOW, services -> work.apply(services.registry()));
  }

  private <T> T recording(Function<ConsentRecording, T> work) {
    return unit.inTransaction(audit, NOW, services -> work.apply(services.recording()));
  }

  private static PatientFilter filter(
      Set<String> jurisdictions,
      String prefix,
      Optional<Patient.Cohort> cohort,
      Optional<ConsentStanding> consent,
      Optional<String> after,
      int limit) {
    return new PatientFilter(
        jurisdictions, prefix, Optional.empty(), cohort, consent, after, limit);
  }

  private List<String> allPages(Caller caller, PatientFilter first) {
    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      PatientFilter page =
          new PatientFilter(
              first.jurisdictions(),
              first.prefix(),
              first.site(),
              first.cohort(),
              first.consent(),
              after,
              first.limit());
      PatientRegistry.Page found = registry(service -> service.list(caller, page));
      found.items().forEach(item -> seen.add(item.patient().psn()));
      after = found.next();
    } while (after.isPresent());
    return seen;
  }

  @Test
  void aStewardPagesThroughTheirOwnJurisdictionByPrefixCohortAndConsentAndEachLookIsLogged() {
    Set<String> all = Set.of("LU", "FR", "DE", "CH");
    List<String> lu =
        allPages(
            STEWARD_LU,
            filter(all, "lu-reg", Optional.empty(), Optional.empty(), Optional.empty(), 3));
    assertEquals(
        List.of(
            "LU-REG0001",
            "LU-REG0002",
            "LU-REG0003",
            "LU-REG0004",
            "LU-REG0005",
            "LU-REG0006",
            "LU-REG0007"),
        lu);
    assertEquals(3, audit.events().size(), "one entry per page");
    assertEquals("patients.listed", audit.events().get(0).action());
    assertEquals(List.of("LU"), audit.events().get(0).data().get("jurisdictions"));

    assertEquals(
        List.of("LU-REG0004", "LU-REG0005", "LU-REG0006", "LU-REG0007"),
        allPages(
            STEWARD_LU,
            filter(
                all,
                "LU-",
                Optional.of(Patient.Cohort.RA),
                Optional.empty(),
                Optional.empty(),
                2)));
    assertEquals(
        List.of("LU-REG0002", "LU-REG0004", "LU-REG0006"),
        registry(
                service ->
                    service.list(
                        STEWARD_LU,
                        new PatientFilter(
                            all,
                            "LU-REG",
                            Optional.of(" chl "),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            50)))
            .items()
            .stream()
            .map(item -> item.patient().psn())
            .toList());

    recording(
        service ->
            service.consent(
                Caller.patient("sub-patient-1", "LU-REG0001"),
                "LU-REG0001",
                new ConsentRequest(
                    "lu-research-consent",
                    1,
                    "en",
                    Map.of("CLINICAL-DATA", "permit", "AI-TRAINING", "deny"),
                    null,
                    null,
                    null)));
    recording(service -> service.withdraw(STEWARD_LU, "LU-REG0002", List.of(), null));
    recording(
        service -> service.withdraw(STEWARD_LU, "LU-REG0003", List.of("CLINICAL-DATA"), null));
    assertEquals(
        List.of("LU-REG0002"),
        allPages(
            STEWARD_LU,
            filter(
                all,
                "LU-REG",
                Optional.empty(),
                Optional.of(ConsentStanding.WITHDRAWN),
                Optional.empty(),
                50)));
    assertEquals(
        List.of("LU-REG0001", "LU-REG0003"),
        allPages(
            STEWARD_LU,
            filter(
                all,
                "LU-REG",
                Optional.empty(),
                Optional.of(ConsentStanding.RECORDED),
                Optional.empty(),
                50)));
    assertEquals(
        List.of(),
        allPages(
            STEWARD_LU,
            filter(all, "FR-", Optional.empty(), Optional.empty(), Optional.empty(), 50)),
        "another jurisdiction's patients are not listed");
    assertEquals(
        List.of("FR-REG0001"),
        allPages(
            Caller.staff("sub-compliance", Role.COMPLIANCE_OFFICER),
            filter(all, "FR-REG", Optional.empty(), Optional.empty(), Optional.empty(), 50)));
    assertTrue(
        registry(
                service ->
                    service.list(
                        Caller.staff("sub-dac", Role.DAC_MEMBER, Jurisdiction.LU),
                        filter(all, "", Optional.empty(), Optional.empty(), Optional.empty(), 50)))
            .items()
            .isEmpty());
  }

  @Test
  void aCorrectionChangesThePatientAndTheGatesProjectionAndItsEntryKeepsWhatWasBefore()
      throws Exception {
    PatientCorrection toAdult =
        PatientCorrection.read(
                "CHL", List.of("MS"), true, false, PatientCorrection.Change.keep(), null)
            .correction()
            .orElseThrow();

    PatientRegistry.Corrected corrected =
        registry(service -> service.correct(STEWARD_LU, "LU-COR0001", toAdult));

    assertEquals(
        new Patient("LU-COR0001", "LU", "CHL", Set.of(Patient.Cohort.MS), false),
        corrected.patient());
    Map<?, ?> changed = (Map<?, ?>) audit.only("patient.corrected").data().get("changed");
    assertEquals(Set.of("site", "cohorts", "minor", "majorityDate"), changed.keySet());
    assertEquals(Map.of("from", "HRS", "to", "CHL"), changed.get("site"));
    try (Connection connection = unit.database.app().getConnection()) {
      Patient projected =
          new PatientStateStore().of(connection, List.of("LU-COR0001"), "LU").get(0).patient();
      assertEquals(corrected.patient(), projected, "the release gate reads the corrected patient");
    }

    audit.clear();
    PatientRegistry.Corrected again =
        registry(service -> service.correct(STEWARD_LU, "LU-COR0001", toAdult));
    assertTrue(again.audit().isEmpty(), "nothing changed, nothing written");
    assertEquals(List.of(), audit.events());

    Refusal elsewhere =
        assertThrows(
            Refusal.class,
            () ->
                registry(
                    service ->
                        service.correct(
                            Caller.staff("sub-steward-fr", Role.DATA_STEWARD, Jurisdiction.FR),
                            "LU-COR0001",
                            toAdult)));
    assertEquals(Refusal.Kind.NOT_FOUND, elsewhere.kind());
    PatientCorrection dayForAnAdult =
        PatientCorrection.read(
                null, null, false, null, PatientCorrection.Change.to("2031-01-01"), null)
            .correction()
            .orElseThrow();
    Refusal invalid =
        assertThrows(
            Refusal.class,
            () -> registry(service -> service.correct(STEWARD_LU, "LU-COR0001", dayForAnAdult)));
    assertEquals("majorityDate", invalid.problems().get(0).field());
    PatientCorrection capacity =
        PatientCorrection.read(null, null, false, null, PatientCorrection.Change.keep(), "regained")
            .correction()
            .orElseThrow();
    assertEquals(
        Refusal.Kind.CONFLICT,
        assertThrows(
                Refusal.class,
                () -> registry(service -> service.correct(STEWARD_LU, "LU-REG0006", capacity)))
            .kind(),
        "Luxembourg knows no legal representative whose consent is renewed");
  }
}
