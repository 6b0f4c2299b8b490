package eu.clinnova.workflow.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationDocument;
import eu.clinnova.workflow.application.ApplicationEvent;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.CloseOut;
import eu.clinnova.workflow.application.JurisdictionReview;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public register lists an application once its completeness check passed, with what it asks,
 * each jurisdiction's decision and its reasons, and names nobody: not the applicant, not a
 * reviewer.
 */
class PublicRegisterTest {

  private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
  private static WorkflowTestUnit unit;
  private static Application decided;
  private static Application waiting;
  private static Application discarded;

  @BeforeAll
  static void start() throws Exception {
    unit = WorkflowTestUnit.withDatasets();
    decided = unit.draftForLuAndCh(Optional.empty(), AT);
    waiting = unit.draftForLuAndCh(Optional.empty(), AT);
    discarded = unit.draftForLuAndCh(Optional.empty(), AT);
    unit.run(
        entities -> {
          ApplicationStore applications = new ApplicationStore(entities);
          Application gut =
              new Application(
                  decided.id(),
                  decided.ownerSub(),
                  decided.ownerName(),
                  ApplicationState.APPROVED,
                  document(
                      "{\"title\":\"Gut microbiome and relapse\",\"laySummary\":\"Why relapses"
                          + " come back.\",\"purpose\":{\"duo\":[\"HMB\"],\"description\":\"Models"
                          + " of relapse.\"},\"datasets\":[\"lu-set\",\"ch-set\"],\"team\":[{\"name\":"
                          + "\"Ada Reviewer-Not\",\"email\":\"ada@x.example\",\"affiliation\":"
                          + "\"University of Basel\"}],\"durationMonths\":12}"),
                  List.of("LU", "CH"),
                  1,
                  Optional.empty(),
                  AT,
                  AT);
          applications.update(gut);
          event(applications, decided.id(), "submitted", null, null, AT);
          event(applications, decided.id(), "under-review", null, null, AT.plusSeconds(60));
          applications.saveReview(
              decided.id(),
              new JurisdictionReview(
                  "LU",
                  "approved",
                  Optional.of("approve-with-conditions"),
                  Optional.of("Aggregate results only."),
                  1,
                  AT.plusSeconds(120)));
          event(
              applications,
              decided.id(),
              "committee-decided",
              "LU",
              "Sound design.",
              AT.plusSeconds(120));
          event(applications, decided.id(), "approved", null, null, AT.plusSeconds(180));
          applications.insertCloseOut(
              new CloseOut(
                  decided.id(),
                  "Relapses follow changes of diet.",
                  List.of("10.1000/clinnova.3"),
                  AT.plusSeconds(240)),
              decided.ownerSub());

          applications.update(waiting.with(ApplicationState.SUBMITTED, AT));
          event(applications, waiting.id(), "submitted", null, null, AT);
          applications.update(discarded.with(ApplicationState.DISCARDED, AT));
          event(applications, discarded.id(), "under-review", null, null, AT);
        });
  }

  private static ApplicationDocument document(String json) {
    try (var reader =
        eu.clinnova.kernel.json.Jsonp.JSON.createReader(new java.io.StringReader(json))) {
      return ApplicationDocument.stored(reader.readObject());
    }
  }

  private static void event(
      ApplicationStore applications,
      UUID id,
      String kind,
      String jurisdiction,
      String comment,
      Instant at) {
    applications.insertEvent(
        id,
        new ApplicationEvent(
            0,
            at,
            kind,
            Optional.ofNullable(jurisdiction),
            "sub-chair-lu",
            "dac-chair",
            Optional.empty(),
            Optional.ofNullable(comment)));
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  private static List<PublicRegister.Project> projects(String q) {
    return unit.inTransaction(e -> new PublicRegister(e).projects(Optional.ofNullable(q)));
  }

  @Test
  void onlyApplicationsPastTheirCompletenessCheckAreListedWithTheirDecisionAndReasons() {
    List<PublicRegister.Project> all = projects(null);
    assertEquals(
        List.of(decided.id()), all.stream().map(PublicRegister.Project::applicationId).toList());
    PublicRegister.Project gut = all.get(0);
    assertEquals("Gut microbiome and relapse", gut.title());
    assertEquals("University of Basel", gut.organisation());
    assertEquals("approved", gut.state());
    assertEquals(AT, gut.submittedAt());
    assertEquals(Optional.of(AT.plusSeconds(180)), gut.decidedAt());
    assertEquals(List.of("DUO:0000006"), gut.duo(), "HMB, as the document stores it");
    assertEquals(
        List.of(
            new PublicRegister.Decision(
                "LU",
                "approve-with-conditions",
                Optional.of("Aggregate results only."),
                Optional.of("Sound design."))),
        gut.decisions());
    assertEquals(
        List.of("lu-set", "ch-set"),
        gut.datasets().stream().map(PublicRegister.DatasetName::id).toList());
    assertEquals("LU", gut.datasets().get(0).jurisdiction());
    assertEquals(Optional.of("Relapses follow changes of diet."), gut.results());
    assertEquals(List.of("10.1000/clinnova.3"), gut.publications());
    String everything = gut.toString();
    assertFalse(everything.contains(decided.ownerSub()), "the applicant's account");
    assertFalse(everything.contains("sub-chair-lu"), "a reviewer");
    assertFalse(everything.contains("Ada"), "team members' names");
    assertFalse(everything.contains("ada@x.example"), "team members' addresses");
  }

  @Test
  void everyWordOfTheSearchMustBeFound() {
    assertEquals(1, projects("MICROBIOME basel").size());
    assertEquals(0, projects("microbiome zurich").size());
    assertEquals(1, projects("   ").size());
  }

  @Test
  void entriesAreFoundByApplicationAndOnlyOncePastTheirCompletenessCheck() {
    java.util.Map<UUID, PublicRegister.Project> found =
        unit.inTransaction(
            e ->
                new PublicRegister(e)
                    .entries(List.of(decided.id(), waiting.id(), UUID.randomUUID())));
    assertEquals(java.util.Set.of(decided.id()), found.keySet());
    assertEquals("University of Basel", found.get(decided.id()).organisation());
    assertEquals(
        java.util.Map.of(), unit.inTransaction(e -> new PublicRegister(e).entries(List.of())));
  }
}
