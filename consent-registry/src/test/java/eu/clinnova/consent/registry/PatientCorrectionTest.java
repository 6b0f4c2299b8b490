package eu.clinnova.consent.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientCorrectionTest {

  private static final Patient MINOR =
      new Patient(
          "LU-0300", "LU", "CHL", Set.of(Patient.Cohort.IBD), true, LocalDate.of(2030, 5, 1));

  @Test
  void aMinorCorrectedToAnAdultLosesTheDayOfMajorityAndTheEntryNamesEachChange() {
    PatientCorrection correction =
        PatientCorrection.read(
                " CHL Esch ",
                List.of("MS", "IBD"),
                true,
                false,
                PatientCorrection.Change.keep(),
                null)
            .correction()
            .orElseThrow();
    Patient corrected = correction.applyTo(MINOR).patient();

    assertEquals(
        new Patient(
            "LU-0300", "LU", "CHL Esch", Set.of(Patient.Cohort.IBD, Patient.Cohort.MS), false),
        corrected);
    assertEquals(
        List.of("site", "cohorts", "minor", "majorityDate"),
        List.copyOf(PatientCorrection.differences(MINOR, corrected).keySet()));
    assertEquals(
        Map.of("from", "2030-05-01"),
        Map.of(
            "from",
            ((Map<?, ?>) PatientCorrection.differences(MINOR, corrected).get("majorityDate"))
                .get("from")));
  }

  @Test
  void aDayOfMajorityForAnAdultAnUnknownCohortOrNothingAtAllIsRefusedAtItsField() {
    PatientCorrection adult =
        PatientCorrection.read(
                null, null, false, false, PatientCorrection.Change.to("2031-01-01"), null)
            .correction()
            .orElseThrow();
    assertEquals(
        List.of(new FieldProblem("majorityDate", "is given for minors only")),
        adult.applyTo(MINOR).problems());

    List<FieldProblem> problems =
        PatientCorrection.read(
                "",
                List.of("ASTHMA"),
                true,
                "yes",
                PatientCorrection.Change.to("01/02/2031"),
                "lost")
            .problems();
    assertEquals(
        List.of("site", "cohorts", "minor", "majorityDate", "capacity"),
        problems.stream().map(FieldProblem::field).toList());
    assertTrue(
        PatientCorrection.read(null, null, false, null, PatientCorrection.Change.keep(), null)
            .correction()
            .isEmpty());
  }
}
