package eu.clinnova.consent.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.Patient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientCsvTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> problems(PatientCsv.Read read) {
    return read.lines().stream()
        .map(line -> line.number() + ": " + line.problem().map(LineProblem::message).orElse("ok"))
        .toList();
  }

  @Test
  void aSpreadsheetsExportIsReadWithItsByteOrderMarkCrlfAndQuotedSites() throws Exception {
    PatientCsv.Read read =
        PatientCsv.read(
            utf8(
                "\uFEFFpsn,site,cohorts,minor\r\n"
                    + "LU-0100,CHL,IBD;RA,false\r\n"
                    + "LU-0101,\"Hôpital Kirchberg, Luxembourg\",MS,TRUE\r\n"
                    + "LU-0102,\"Site \"\"Nord\"\"\", MS ,false\r\n"),
            Set.of("LU"));

    assertEquals(3, read.total());
    assertEquals(
        new Patient("LU-0100", "LU", "CHL", Set.of(Patient.Cohort.IBD, Patient.Cohort.RA), false),
        read.lines().get(0).patient().orElseThrow());
    assertEquals(
        "Hôpital Kirchberg, Luxembourg", read.lines().get(1).patient().orElseThrow().site());
    assertTrue(read.lines().get(1).patient().orElseThrow().minor());
    assertEquals("Site \"Nord\"", read.lines().get(2).patient().orElseThrow().site());
  }

  @Test
  void eachBadLineIsReportedByItsNumberAndTheFirstOfTwiceGivenPseudonymsCounts() throws Exception {
    PatientCsv.Read read =
        PatientCsv.read(
            utf8(
                "psn,site,cohorts,minor\n"
                    + "LU-0200,CHL,IBD,false\n"
                    + "LU-0200,CHL,RA,false\n"
                    + "FR-0200,CHRU,IBD,false\n"
                    + "LU-0201,CHL,ASTHMA,false\n"
                    + "LU-0202,CHL,IBD,maybe\n"
                    + "lu-0203,CHL,IBD,false\n"
                    + "LU-0204,,IBD,false\n"
                    + "LU-0205,CHL,IBD\n"
                    + "LU-0206,\"CHL,IBD,false\n"
                    + "\n"
                    + "LU-0207,CHL,IBD;IBD,false\n"),
            Set.of("LU"));

    assertEquals(
        List.of(
            "2: ok",
            "3: psn LU-0200 is already on line 2",
            "4: psn FR-0200 is not of your jurisdiction",
            "5: cohort \"ASTHMA\" is not one of IBD, RA, MS",
            "6: minor must be true or false, not \"maybe\"",
            "7: psn \"lu-0203\" is not a pseudonym like LU-0001 (capitals and digits)",
            "8: site must be given, at most 100 characters",
            "9: has 3 fields, not 4 (psn,site,cohorts,minor)",
            "10: has a quote that is not closed",
            "11: is empty",
            "12: cohort IBD is given twice"),
        problems(read));
  }

  @Test
  void aFileWithAnotherHeaderNoTextOrNotUtf8IsRefusedAsAWhole() {
    PatientCsv.Unreadable header =
        assertThrows(
            PatientCsv.Unreadable.class,
            () ->
                PatientCsv.read(
                    utf8("pseudonym;site;cohorts;minor\nLU-0001;CHL;IBD;false\n"), Set.of("LU")));
    assertEquals("header", header.problems().get(0).field());
    assertThrows(PatientCsv.Unreadable.class, () -> PatientCsv.read(utf8("\n\n"), Set.of("LU")));
    byte[] latin1 =
        "psn,site,cohorts,minor\nLU-0001,Hôpital,IBD,false\n".getBytes(StandardCharsets.ISO_8859_1);
    PatientCsv.Unreadable notUtf8 =
        assertThrows(PatientCsv.Unreadable.class, () -> PatientCsv.read(latin1, Set.of("LU")));
    assertEquals("file", notUtf8.problems().get(0).field());
    assertTrue(notUtf8.problems().get(0).message().contains("UTF-8"));
  }
}
