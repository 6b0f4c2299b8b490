package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.clinnova.consent.domain.Patient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The patient's fields at the start of a row of the gate's query, read without the database. */
class PatientLineTest {

  private final PatientLine reader = new PatientLine();

  private PatientLine.Row read(String row) {
    return reader.read(row.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsThePatientAndFindsTheirRecords() {
    String records = "consent self 1 a1 CLINICAL-DATA+ . .";
    PatientLine.Row row = read("LU-0001 LU IBD,RA f . 3 CHL " + records);
    assertEquals(
        new Patient(
            "LU-0001", "LU", "CHL", Set.of(Patient.Cohort.IBD, Patient.Cohort.RA), false, null),
        row.patient());
    assertEquals(1, RecordLine.records("LU-0001", row.line(), row.recordsFrom()).size());
  }

  @Test
  void aSiteMayHoldSpacesSemicolonsAndAccentsAMinorTheDayTheyComeOfAge() {
    String site = "Hôpital Civil; Strasbourg";
    int bytes = site.getBytes(StandardCharsets.UTF_8).length;
    PatientLine.Row row = read("FR-0002 FR . t 2031-05-17 " + bytes + " " + site + " ");
    assertEquals(
        new Patient("FR-0002", "FR", site, Set.of(), true, LocalDate.parse("2031-05-17")),
        row.patient());
    assertEquals(List.of(), RecordLine.records("FR-0002", row.line(), row.recordsFrom()));
  }

  @Test
  void repeatedFieldsAreReadOnceAndChangesAreSeen() {
    Patient first = read("LU-0001 LU IBD f . 3 CHL ").patient();
    Patient second = read("LU-0002 LU IBD f . 3 CHL ").patient();
    assertSame(first.site(), second.site());
    assertSame(first.cohorts(), second.cohorts());
    Patient third = read("LU-0003 DE MS f . 3 UKF ").patient();
    assertEquals(
        new Patient("LU-0003", "DE", "UKF", Set.of(Patient.Cohort.MS), false, null), third);
    assertEquals("CHL", read("LU-0004 LU IBD f . 3 CHL ").patient().site());
  }

  @Test
  void aDamagedRowIsAnErrorNeverADecision() {
    for (String broken :
        new String[] {
          "",
          "LU-0001",
          "LU-0001 LU IBD x . 3 CHL ",
          "LU-0001 LU IBD tt . 3 CHL ",
          "LU-0001 LU IBD t soon 3 CHL ",
          "LU-0001 LU IBD f . 4 CHL ",
          "LU-0001 LU IBD f . 2 CHL ",
          "LU-0001 LU IBD f . x CHL ",
          "LU-0001 LU IBD f . 3 CHL",
          "LU-0001 LU TELEPATHY f . 3 CHL ",
          "LU-0001  LU IBD f . 3 CHL "
        }) {
      assertThrows(RuntimeException.class, () -> new PatientLine().read(bytes(broken)), broken);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
