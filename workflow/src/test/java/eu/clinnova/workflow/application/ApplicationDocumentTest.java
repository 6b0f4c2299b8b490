package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.workflow.duo.DuoTerm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationDocumentTest {

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  static ApplicationDocument valid(String text) {
    return assertInstanceOf(
            ApplicationDocument.Parsed.Valid.class, ApplicationDocument.parse(json(text)))
        .document();
  }

  static List<String> problems(String text) {
    return assertInstanceOf(
            ApplicationDocument.Parsed.Invalid.class, ApplicationDocument.parse(json(text)))
        .problems()
        .stream()
        .map(FieldProblem::field)
        .toList();
  }

  @Test
  void aDraftMayBeEmptyOrPartial() {
    ApplicationDocument empty = valid("{}");
    assertTrue(empty.title().isEmpty());
    assertEquals(List.of(), empty.datasets());
    assertEquals("Only a title", valid("{\"title\":\"  Only a title \"}").title().orElseThrow());
  }

  @Test
  void aFullDocumentRoundTripsWithDuoAsCuries() {
    ApplicationDocument document =
        valid(
            "{\"title\":\"T\",\"laySummary\":\"S\",\"purpose\":{\"duo\":[\"DS\",\"DUO:0000007\"],"
                + "\"disease\":\"MONDO:0005011\",\"description\":\"D\",\"genetic\":true},"
                + "\"datasets\":[\"a-b-c\"],\"team\":[{\"name\":\"N\",\"email\":\"n@x.example\","
                + "\"affiliation\":\"U\"}],\"durationMonths\":12}");
    assertEquals(List.of("DUO:0000007"), document.purpose().orElseThrow().duo(), "deduplicated");
    assertEquals(DuoTerm.DS, document.purpose().orElseThrow().research().orElseThrow().category());
    assertTrue(document.purpose().orElseThrow().genetic());
    assertEquals(document, ApplicationDocument.stored(document.json()));
  }

  @Test
  void everyShapeProblemIsReportedAtOnce() {
    assertEquals(
        List.of(
            "title",
            "purpose.duo[0]",
            "purpose.disease",
            "purpose.commercial",
            "datasets[1]",
            "team[0].email",
            "durationMonths"),
        problems(
            "{\"title\":7,\"purpose\":{\"duo\":[\"XYZ\"],\"disease\":\"MONDO:9999999\","
                + "\"commercial\":\"yes\"},\"datasets\":[\"a\",\"a\"],"
                + "\"team\":[{\"email\":\"nope\"}],\"durationMonths\":61}"));
    assertEquals(List.of("durationMonths"), problems("{\"durationMonths\":1.5}"));
    assertEquals(List.of("title"), problems("{\"title\":\"" + "x".repeat(201) + "\"}"));
  }

  @Test
  void aDsPurposeWithoutDiseaseIsNotYetAResearchPurpose() {
    assertTrue(
        valid("{\"purpose\":{\"duo\":[\"DS\"]}}").purpose().orElseThrow().research().isEmpty());
    assertEquals(
        DuoTerm.HMB,
        valid("{\"purpose\":{\"duo\":[\"HMB\",\"NCU\"]}}")
            .purpose()
            .orElseThrow()
            .research()
            .orElseThrow()
            .category());
  }

  @Test
  void changedFieldsNamesWhatAResubmissionChanged() {
    ApplicationDocument before =
        valid("{\"title\":\"A\",\"datasets\":[\"x-1\"],\"durationMonths\":6}");
    ApplicationDocument after =
        valid("{\"title\":\"A\",\"datasets\":[\"x-1\",\"y-2\"],\"durationMonths\":9}");
    assertEquals(
        List.of("datasets", "durationMonths"), ApplicationDocument.changedFields(before, after));
    assertEquals(List.of(), ApplicationDocument.changedFields(before, before));
  }
}
