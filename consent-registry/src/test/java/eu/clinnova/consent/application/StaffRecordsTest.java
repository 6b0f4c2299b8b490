package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.infrastructure.Forms;
import eu.clinnova.consent.infrastructure.RecordStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What stewards record, without a server: a paper form with its scan, information where reuse needs
 * no consent (FR), a patient who regained capacity (CH). Real stores on a real PostgreSQL, both
 * services in one transaction as in the portal, a set clock and an audit trail that keeps what was
 * put on the record.
 */
class StaffRecordsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:30:00Z");
  private static final byte[] SCAN = "%PDF-1.7 signed form".getBytes(StandardCharsets.US_ASCII);

  private static ConsentTestUnit unit;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = ConsentTestUnit.migrated();
    Forms.publish(
        unit.database,
        "admin",
        ConsentForms.seedForm("lu-research-consent", NOW.minusSeconds(60)),
        ConsentForms.seedForm("fr-research-information", NOW.minusSeconds(60)),
        ConsentForms.seedForm("ch-general-consent", NOW.minusSeconds(60)));
    for (String psn : List.of("LU-STAF0001", "FR-STAF0001", "CH-STAF0001")) {
      unit.enrol(NOW, new Patient(psn, psn.substring(0, 2), "S", Set.of(Patient.Cohort.RA), false));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  /** Both services as the container wires them, in one transaction. */
  private <T> T staff(BiFunction<StaffRecords, ConsentRecording, T> work) {
    return unit.inTransaction(
        audit, NOW, services -> work.apply(services.staff(), services.recording()));
  }

  private static List<RecordEntry> history(String psn) throws SQLException {
    try (Connection connection = unit.database.app().getConnection()) {
      return new RecordStore().history(connection, psn);
    }
  }

  private static Caller steward(Jurisdiction jurisdiction) {
    return Caller.staff("sub-steward-" + jurisdiction, Role.DATA_STEWARD, jurisdiction);
  }

  @Test
  void aPaperFormIsRecordedOnItsScanByAStewardOfThePatientsJurisdictionOnly() throws SQLException {
    Refusal elsewhere =
        assertThrows(
            Refusal.class,
            () ->
                staff(
                    (records, recording) ->
                        records.attach(
                            steward(Jurisdiction.FR), "LU-STAF0001", "application/pdf", SCAN)));
    assertEquals(Refusal.Kind.NOT_FOUND, elsewhere.kind());
    Refusal notAScan =
        assertThrows(
            Refusal.class,
            () ->
                staff(
                    (records, recording) ->
                        records.attach(
                            steward(Jurisdiction.LU),
                            "LU-STAF0001",
                            "application/pdf",
                            "hello".getBytes(StandardCharsets.US_ASCII))));
    assertEquals("evidence-type", notAScan.code());
    assertTrue(audit.events().isEmpty());

    String recordId =
        staff(
            (records, recording) -> {
              UUID scan =
                  records
                      .attach(steward(Jurisdiction.LU), "LU-STAF0001", "application/pdf", SCAN)
                      .attachment()
                      .id();
              return recording
                  .consent(
                      steward(Jurisdiction.LU),
                      "LU-STAF0001",
                      new ConsentRequest(
                          "lu-research-consent",
                          1,
                          "de",
                          Map.of("CLINICAL-DATA", "permit"),
                          "staff-paper",
                          null,
                          scan.toString()))
                  .recordId();
            });

    RecordEntry entry = history("LU-STAF0001").get(0);
    assertEquals(recordId, entry.record().id());
    assertEquals(SignerKind.STAFF_PAPER, entry.record().signer());
    assertTrue(entry.evidence().isPresent());
    assertEquals(Sha256.hex(SCAN), audit.only("consent.evidence-attached").data().get("sha256"));
    assertEquals(
        entry.evidence().orElseThrow().toString(),
        audit.only("consent.recorded").data().get("evidence"));
  }

  @Test
  void aWithdrawalOnPaperKeepsItsScanAndOnlyAStewardNamesOne() throws SQLException {
    Refusal patientsScan =
        assertThrows(
            Refusal.class,
            () ->
                staff(
                    (records, recording) ->
                        recording.withdraw(
                            Caller.patient("sub-fr", "FR-STAF0001"),
                            "FR-STAF0001",
                            List.of(),
                            null,
                            UUID.randomUUID().toString())));
    assertEquals("evidenceAttachmentId", patientsScan.problems().get(0).field());

    String recordId =
        staff(
            (records, recording) -> {
              UUID scan =
                  records
                      .attach(steward(Jurisdiction.FR), "FR-STAF0001", "application/pdf", SCAN)
                      .attachment()
                      .id();
              return recording
                  .withdraw(
                      steward(Jurisdiction.FR), "FR-STAF0001", List.of(), "lettre", scan.toString())
                  .recordId();
            });

    RecordEntry entry =
        history("FR-STAF0001").stream()
            .filter(e -> e.record().id().equals(recordId))
            .findFirst()
            .orElseThrow();
    assertEquals(RecordKind.OBJECTION, entry.record().kind());
    assertEquals(SignerKind.STAFF_PAPER, entry.record().signer());
    assertEquals(
        entry.evidence().orElseThrow().toString(),
        audit.only("consent.objected").data().get("evidence"));
  }

  @Test
  void informingIsForNonOppositionAndRegainedCapacityForRepresentativesJurisdiction()
      throws SQLException {
    Refusal luInformed =
        assertThrows(
            Refusal.class,
            () ->
                staff(
                    (records, recording) ->
                        records.inform(
                            steward(Jurisdiction.LU),
                            "LU-STAF0001",
                            "lu-research-consent",
                            1,
                            "en")));
    assertEquals("not-non-opposition", luInformed.code());

    staff(
        (records, recording) ->
            records.inform(
                steward(Jurisdiction.FR), "FR-STAF0001", "fr-research-information", 1, "fr"));
    assertEquals(RecordKind.INFORMATION, history("FR-STAF0001").get(0).record().kind());
    AuditEvent informed = audit.only("consent.informed");
    assertTrue(!((List<?>) informed.data().get("modules")).isEmpty(), "what it permits");

    Refusal luCapacity =
        assertThrows(
            Refusal.class,
            () ->
                staff(
                    (records, recording) ->
                        records.capacityRegained(steward(Jurisdiction.LU), "LU-STAF0001")));
    assertEquals("not-a-trigger", luCapacity.code());
    staff(
        (records, recording) -> records.capacityRegained(steward(Jurisdiction.CH), "CH-STAF0001"));
    Refusal twice =
        assertThrows(
            Refusal.class,
            () ->
                staff(
                    (records, recording) ->
                        records.capacityRegained(steward(Jurisdiction.CH), "CH-STAF0001")));
    assertEquals("already-recorded", twice.code());
    assertEquals(
        "permits-lapse",
        audit.only("consent.capacity-regained").data().get("representativePermits"));
  }
}
