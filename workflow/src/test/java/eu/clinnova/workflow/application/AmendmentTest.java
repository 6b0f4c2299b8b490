package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.consent.domain.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmendmentTest {

  static final String TEAM =
      "\"team\":[{\"name\":\"A\",\"email\":\"a@x.example\",\"affiliation\":\"U\"}]";

  static ApplicationDocument document(String datasets, String team, String title) {
    return ApplicationDocumentTest.valid(
        "{\"title\":\""
            + title
            + "\",\"datasets\":["
            + datasets
            + "],"
            + team
            + ",\"durationMonths\":12}");
  }

  static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void anAmendmentAddsDatasetsOrTeamMembersAndNothingElse() {
    ApplicationDocument approved = document("\"lu-set\"", TEAM, "T");
    ApplicationDocument more = document("\"lu-set\",\"ch-set\"", TEAM, "T");
    assertEquals(List.of(), Amendment.problems(approved, more));
    assertEquals(List.of("ch-set"), Amendment.between(approved, more).addedDatasets());
    assertEquals(
        List.of("CH"),
        Amendment.between(approved, more)
            .jurisdictions(SubmissionChecklistTest.CATALOGUE, List.of("LU")));

    ApplicationDocument member =
        document(
            "\"lu-set\"",
            "\"team\":[{\"name\":\"A\",\"email\":\"A@x.example\",\"affiliation\":\"U\"},"
                + "{\"name\":\"B\",\"email\":\"b@x.example\",\"affiliation\":\"V\"}]",
            "T");
    Amendment added = Amendment.between(approved, member);
    assertEquals(
        List.of("B"),
        added.addedMembers().stream().map(TeamMember::name).toList(),
        "e-mail case does not matter");
    assertEquals(
        List.of("LU", "FR"),
        added.jurisdictions(Map.of(), List.of("LU", "FR")),
        "a new member concerns every jurisdiction of the project");

    assertEquals(
        List.of("datasets"), fields(Amendment.problems(approved, approved)), "adds nothing");
    assertEquals(
        List.of("title"),
        fields(Amendment.problems(approved, document("\"lu-set\",\"ch-set\"", TEAM, "Other"))));
    assertEquals(
        List.of("datasets"),
        fields(Amendment.problems(more, document("\"ch-set\"", TEAM, "T")).subList(0, 1)));
    assertEquals(
        List.of("team", "datasets"),
        fields(Amendment.problems(approved, document("\"lu-set\"", "\"team\":[]", "T"))));
  }
}
