package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.DuoTerm;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public class SubmissionChecklistTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final Map<String, Dataset> CATALOGUE =
      Map.of(
          "lu-set", dataset("lu-set", "LU"),
          "ch-set", dataset("ch-set", "CH"));

  public static Dataset dataset(String id, String jurisdiction) {
    return new Dataset(
        id,
        id,
        "",
        jurisdiction,
        "IBD",
        new DataUse(DuoTerm.GRU, Optional.empty(), Set.of()),
        List.of("CLINICAL-DATA"),
        Optional.empty(),
        10,
        Instant.EPOCH);
  }

  static EthicsApproval approval(
      String jurisdiction, String reference, LocalDate until, Instant added) {
    return new EthicsApproval(
        UUID.randomUUID(),
        UUID.randomUUID(),
        jurisdiction,
        "committee",
        reference,
        TODAY.minusMonths(1),
        until,
        UUID.randomUUID(),
        added);
  }

  static List<String> missing(ApplicationDocument document, List<EthicsApproval> ethics) {
    return SubmissionChecklist.missing(
            document, CATALOGUE, ethics, PolicyCatalogue.bundled().all(), TODAY)
        .stream()
        .map(FieldProblem::field)
        .toList();
  }

  public static ApplicationDocument complete() {
    return ApplicationDocumentTest.valid(
        "{\"title\":\"T\",\"laySummary\":\"S\",\"purpose\":{\"duo\":[\"HMB\"],\"description\":\"D\"},"
            + "\"datasets\":[\"lu-set\",\"ch-set\"],\"team\":[{\"name\":\"N\",\"email\":\"n@x.example\","
            + "\"affiliation\":\"U\"}],\"durationMonths\":12}");
  }

  @Test
  void anEmptyDraftLacksEverything() {
    assertEquals(
        List.of(
            "title",
            "laySummary",
            "purpose.duo",
            "purpose.description",
            "datasets",
            "team",
            "durationMonths"),
        missing(ApplicationDocument.empty(), List.of()));
  }

  @Test
  void eachJurisdictionConcernedNeedsACurrentWellFormedApproval() {
    assertEquals(
        List.of("ethicsApprovals.LU", "ethicsApprovals.CH"), missing(complete(), List.of()));
    List<String> problems =
        missing(
            complete(),
            List.of(
                approval("LU", "CNER 202301", TODAY.minusDays(1), Instant.EPOCH),
                approval("CH", "BASEC 17", TODAY.plusYears(1), Instant.EPOCH)));
    assertEquals(List.of("ethicsApprovals.LU", "ethicsApprovals.CH"), problems);
    assertTrue(
        missing(
                complete(),
                List.of(
                    approval("LU", "CNER 202301", TODAY, Instant.EPOCH),
                    approval("CH", "2023-00123", TODAY.plusYears(1), Instant.EPOCH)))
            .isEmpty());
  }

  @Test
  void theLatestApprovalOfAJurisdictionCounts() {
    EthicsApproval old =
        approval("LU", "CNER 202301", TODAY.minusDays(3), Instant.parse("2026-01-01T00:00:00Z"));
    EthicsApproval renewed =
        approval("LU", "CNER 202499", TODAY.plusYears(2), Instant.parse("2026-06-01T00:00:00Z"));
    assertEquals(renewed, SubmissionChecklist.current(List.of(renewed, old), "LU").orElseThrow());
    assertEquals(List.of("ethicsApprovals.CH"), missing(complete(), List.of(old, renewed)));
  }

  @Test
  void jurisdictionsFollowTheNetworkOrder() {
    assertEquals(List.of("LU", "CH"), SubmissionChecklist.jurisdictions(complete(), CATALOGUE));
  }
}
