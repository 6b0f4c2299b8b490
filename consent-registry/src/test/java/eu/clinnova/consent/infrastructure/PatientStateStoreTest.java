package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The projection's line format (migration V6), read without the database. */
class PatientStateStoreTest {

  @Test
  void readsEveryFieldOfEveryRecordInOrder() {
    List<ConsentRecord> records =
        PatientStateStore.records(
            "LU-0001",
            "consent guardian 1767261600123456 a1 CLINICAL-DATA+,GENETIC- ."
                + " CLINICAL-DATA=2027-01-01T10:00:00Z;"
                + "withdrawal self -1500000 b2 . GENETIC,SAMPLES .;"
                + "information staff-paper 0 c3 . . .");
    assertEquals(3, records.size());
    ConsentRecord consent = records.get(0);
    assertEquals("a1", consent.id());
    assertEquals(RecordKind.CONSENT, consent.kind());
    assertEquals(SignerKind.GUARDIAN, consent.signer());
    assertEquals(Instant.parse("2026-01-01T10:00:00.123456Z"), consent.recordedAt());
    assertEquals(
        Map.of(ConsentModule.CLINICAL_DATA, Decision.PERMIT, ConsentModule.GENETIC, Decision.DENY),
        consent.decisions());
    assertEquals(
        Map.of(ConsentModule.CLINICAL_DATA, Instant.parse("2027-01-01T10:00:00Z")),
        consent.validUntil());
    ConsentRecord withdrawal = records.get(1);
    assertEquals(Set.of(ConsentModule.GENETIC, ConsentModule.SAMPLES), withdrawal.withdrawn());
    assertEquals(Instant.parse("1969-12-31T23:59:58.5Z"), withdrawal.recordedAt());
    assertTrue(withdrawal.decisions().isEmpty());
    assertEquals(RecordKind.INFORMATION, records.get(2).kind());
    assertEquals(Instant.EPOCH, records.get(2).recordedAt());
    assertEquals("LU-0001", records.get(2).psn());
  }

  @Test
  void decisionListsReadOneAfterAnotherAreEachReadAsWritten() {
    // A reader remembers the last few decision lists it parsed; seven in turn, twice, must each
    // still come back as written (and a remembered one must not be changed by a later record).
    ConsentModule[] modules = ConsentModule.values();
    for (int round = 0; round < 2; round++) {
      for (int variant = 0; variant < 7; variant++) {
        Map<ConsentModule, Decision> expected = new java.util.EnumMap<>(ConsentModule.class);
        StringBuilder line = new StringBuilder("consent self 1 a1 ");
        for (int m = 0; m < modules.length; m++) {
          if (m % 7 == variant) {
            continue;
          }
          Decision decision = (m + variant) % 3 == 0 ? Decision.DENY : Decision.PERMIT;
          expected.put(modules[m], decision);
          line.append(m == 0 || (m == 1 && variant == 0) ? "" : ",")
              .append(modules[m].code())
              .append(decision == Decision.PERMIT ? '+' : '-');
        }
        line.append(" . .");
        List<ConsentRecord> read = PatientStateStore.records("LU-0001", line.toString());
        assertEquals(expected, read.get(0).decisions(), line.toString());
      }
    }
  }

  @Test
  void noRecordsIsAnEmptyList() {
    assertEquals(List.of(), PatientStateStore.records("LU-0001", ""));
  }

  @Test
  void aDamagedProjectionIsAnErrorNeverADecision() {
    for (String broken :
        new String[] {
          "consent self 1 a1 CLINICAL-DATA? . .",
          "consent self 1 a1 TELEPATHY+ . .",
          "consent nobody 1 a1 CLINICAL-DATA+ . .",
          "consent self 1 a1 CLINICAL-DATA+ .",
          "consent self 1 a1 CLINICAL-DATA+ . . extra",
          "consent self soon a1 CLINICAL-DATA+ . .",
          "consent self 1 a1 CLINICAL-DATA+, . .",
          "consent self 1 a1 ,CLINICAL-DATA+ . .",
          "consent self 1 a1 CLINICAL-DATA+,,GENETIC- . .",
          "consent self 1 a1 CLINICAL-DATA . .",
          "consent self 1 a1 CLINICAL-DATA+ GENETIC, .",
          "consent self 1 a1 CLINICAL-DATA+ . CLINICAL-DATA",
          "consent self 1 a1 CLINICAL-DATA+ . CLINICAL-DATA=tomorrow",
          "consent  self 1 a1 CLINICAL-DATA+ . .",
          "consent self 1 a1 CLINICAL-DATA+ . .;",
          ";consent self 1 a1 CLINICAL-DATA+ . .",
          "consent self 1 a1 CLINICAL-DATA+ . .;;consent self 1 a1 CLINICAL-DATA+ . .",
          "consent self 12345678901234567890 a1 CLINICAL-DATA+ . .",
          "consent self - a1 CLINICAL-DATA+ . .",
          "consent self 1 a\u00e9 CLINICAL-DATA+ . .",
          "consent self 1 a1 CLINICAL-DATA+ . CLINICAL-DATA=2030-01-01T00:00:00\u00a0Z",
          "consent self 1 a1 CLINICAL-DATA+ . CLINICAL-DATA=",
          "consent self 1 a1 CLINICAL-DATA+ . =2030-01-01T00:00:00Z"
        }) {
      assertThrows(
          RuntimeException.class, () -> PatientStateStore.records("LU-0001", broken), broken);
    }
  }
}
