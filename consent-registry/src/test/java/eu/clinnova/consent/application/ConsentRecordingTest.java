package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.infrastructure.Forms;
import eu.clinnova.consent.infrastructure.RecordStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What patients, guardians and stewards decide, recorded without a server: the real stores on a
 * real PostgreSQL, the seed forms published through the consent unit, a clock set by the test and
 * an audit trail that keeps what the service put on the record.
 */
class ConsentRecordingTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123Z");
  private static final String LU_PATIENT = "LU-REC0001";
  private static final String FR_PATIENT = "FR-REC0001";
  private static final String LU_MINOR = "LU-REC0002";

  private static ConsentTestUnit unit;
  private static ConsentForm luForm;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = ConsentTestUnit.migrated();
    luForm = ConsentForms.seedForm("lu-research-consent", NOW.minusSeconds(3600));
    Forms.publish(
        unit.database,
        "admin-sub",
        luForm,
        ConsentForms.seedForm("fr-research-information", NOW.minusSeconds(3600)));
    unit.enrol(
        NOW,
        new Patient(LU_PATIENT, "LU", "CHL", Set.of(Patient.Cohort.IBD), false),
        new Patient(FR_PATIENT, "FR", "CHRU", Set.of(Patient.Cohort.MS), false),
        new Patient(LU_MINOR, "LU", "CHL", Set.of(Patient.Cohort.IBD), true));
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  @BeforeEach
  void forget() {
    audit.clear();
  }

  /** The service as the container wires it; forms are read in this call's own transaction. */
  private <T> T recording(Function<ConsentRecording, T> work) {
    return unit.inTransaction(audit, NOW, services -> work.apply(services.recording()));
  }

  private static List<RecordEntry> history(String psn) throws SQLException {
    try (Connection connection = unit.database.app().getConnection()) {
      return new RecordStore().history(connection, psn);
    }
  }

  private static ConsentRequest luConsent(String signerKind, String evidence) {
    return new ConsentRequest(
        "lu-research-consent",
        1,
        "fr",
        Map.of("CLINICAL-DATA", "permit", "AI-TRAINING", "deny"),
        signerKind,
        null,
        evidence);
  }

  @Test
  void aPatientsConsentKeepsTheTextTheyReadAndItsEntryNamesWhatTheyDecided() throws SQLException {
    Caller patient = Caller.patient("sub-lu-patient", LU_PATIENT);

    String recordId =
        recording(service -> service.consent(patient, LU_PATIENT, luConsent(null, null)))
            .recordId();

    RecordEntry entry =
        history(LU_PATIENT).stream()
            .filter(e -> e.record().id().equals(recordId))
            .findFirst()
            .orElseThrow();
    assertEquals(RecordKind.CONSENT, entry.record().kind());
    assertEquals(SignerKind.SELF, entry.record().signer());
    assertEquals(luForm.textSha256("fr"), entry.record().textSha256());
    assertEquals(
        Map.of(
            ConsentModule.CLINICAL_DATA, Decision.PERMIT, ConsentModule.AI_TRAINING, Decision.DENY),
        entry.record().decisions());
    assertEquals(NOW, entry.record().recordedAt());
    AuditEvent logged = audit.only("consent.recorded");
    assertEquals(new AuditEvent.Actor("sub-lu-patient", Role.Names.PATIENT), logged.actor());
    assertEquals(new AuditEvent.Subject("patient", LU_PATIENT), logged.subject());
    assertEquals(
        Map.of("AI-TRAINING", "deny", "CLINICAL-DATA", "permit"), logged.data().get("decisions"));
    assertEquals(luForm.textSha256("fr"), logged.data().get("textSha256"));
    assertEquals("self", logged.data().get("signer"));
    assertTrue(logged.data().containsKey("tx"), "the entry names its transaction");
  }

  @Test
  void withdrawingEverythingIsAnObjectionWhereReuseNeedsNoConsentAndAWithdrawalElsewhere()
      throws SQLException {
    Caller patient = Caller.patient("sub-fr-patient", FR_PATIENT);

    String recordId =
        recording(service -> service.withdraw(patient, FR_PATIENT, List.of(), "  plus jamais  "))
            .recordId();

    RecordEntry entry =
        history(FR_PATIENT).stream()
            .filter(e -> e.record().id().equals(recordId))
            .findFirst()
            .orElseThrow();
    assertEquals(RecordKind.OBJECTION, entry.record().kind());
    assertEquals("plus jamais", entry.reason().orElseThrow());
    AuditEvent logged = audit.only("consent.objected");
    assertEquals(List.of("*"), logged.data().get("modules"));
    assertTrue(!logged.data().containsValue("plus jamais"), "the reason stays out of the log");

    // Where research needs consent (LU), withdrawing everything is a withdrawal.
    String withdrawn =
        recording(
                service ->
                    service.withdraw(
                        Caller.patient("sub-lu-patient", LU_PATIENT), LU_PATIENT, List.of(), null))
            .recordId();
    assertEquals(
        RecordKind.WITHDRAWAL,
        history(LU_PATIENT).stream()
            .filter(e -> e.record().id().equals(withdrawn))
            .findFirst()
            .orElseThrow()
            .record()
            .kind());
    assertEquals(List.of("*"), audit.only("consent.withdrawn").data().get("modules"));
  }

  @Test
  void aStewardRecordsAPaperFormOnlyWithItsScanAndNothingIsKeptBefore() throws SQLException {
    Caller steward = Caller.staff("sub-steward", Role.DATA_STEWARD, Jurisdiction.LU);
    int before = history(LU_PATIENT).size();

    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                recording(
                    service ->
                        service.consent(steward, LU_PATIENT, luConsent("staff-paper", null))));

    assertEquals(Refusal.Kind.INVALID, refusal.kind());
    assertEquals(
        List.of(
            new FieldProblem("evidenceAttachmentId", "a paper form needs its scan as evidence")),
        refusal.problems());
    assertEquals(before, history(LU_PATIENT).size());
    assertTrue(audit.events().isEmpty());
  }

  @Test
  void nobodyElseLearnsThePatientExists() {
    for (Caller stranger :
        List.of(
            Caller.patient("sub-fr-patient", FR_PATIENT),
            Caller.staff("sub-fr-steward", Role.DATA_STEWARD, Jurisdiction.FR),
            Caller.staff("sub-researcher", Role.RESEARCHER, Jurisdiction.LU))) {
      Refusal refusal =
          assertThrows(
              Refusal.class,
              () ->
                  recording(
                      service -> service.consent(stranger, LU_PATIENT, luConsent(null, null))));
      assertEquals(Refusal.Kind.NOT_FOUND, refusal.kind(), stranger.subject());
      Refusal withdrawal =
          assertThrows(
              Refusal.class,
              () -> recording(service -> service.withdraw(stranger, LU_PATIENT, List.of(), null)));
      assertEquals(Refusal.Kind.NOT_FOUND, withdrawal.kind(), stranger.subject());
    }
    assertTrue(audit.events().isEmpty());
  }

  @Test
  void aMinorsConsentIsTheirGuardiansAndUnknownModulesAreNamed() {
    Refusal minor =
        assertThrows(
            Refusal.class,
            () ->
                recording(
                    service ->
                        service.consent(
                            Caller.patient("sub-minor", LU_MINOR),
                            LU_MINOR,
                            luConsent(null, null))));
    assertEquals(Refusal.Kind.CONFLICT, minor.kind());
    assertEquals("minor", minor.code());

    Refusal unknown =
        assertThrows(
            Refusal.class,
            () ->
                recording(
                    service ->
                        service.withdraw(
                            Caller.patient("sub-lu-patient", LU_PATIENT),
                            LU_PATIENT,
                            List.of("GENETIC", "TELEPATHY", "GENETIC"),
                            null)));
    assertEquals(
        List.of(
            new FieldProblem("modules", "unknown module TELEPATHY"),
            new FieldProblem("modules", "module GENETIC appears twice")),
        unknown.problems());
    assertTrue(audit.events().isEmpty());
  }
}
