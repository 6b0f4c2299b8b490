package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lists narrowed by state, jurisdiction, dataset, time and title words, always within what the
 * caller may see, on a real PostgreSQL.
 */
class ApplicationFilterTest {

  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
  private static WorkflowTestUnit unit;
  private static Application luApproved;
  private static Application chRejected;
  private static Application luDraft;

  @BeforeAll
  static void start() throws Exception {
    unit = WorkflowTestUnit.withDatasets();
    luApproved =
        stored("Crohn 50% cohort_study", ApplicationState.APPROVED, "lu-set", "LU", T0, "sub-1");
    chRejected =
        stored(
            "Basel MS imaging",
            ApplicationState.REJECTED,
            "ch-set",
            "CH",
            T0.plusSeconds(86_400),
            "sub-2");
    luDraft =
        stored(
            "Crohn draft",
            ApplicationState.DRAFT,
            "lu-set",
            "LU",
            T0.plusSeconds(172_800),
            "sub-1");
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  private static Application stored(
      String title,
      ApplicationState state,
      String dataset,
      String jurisdiction,
      Instant at,
      String owner) {
    ApplicationDocument document =
        ApplicationDocumentTest.valid(
            "{\"title\":\""
                + title
                + "\",\"laySummary\":\"S\",\"purpose\":{\"duo\":[\"HMB\"],\"description\":\"D\"},"
                + "\"datasets\":[\""
                + dataset
                + "\"],\"team\":[],\"durationMonths\":12}");
    Application application =
        new Application(
            UUID.randomUUID(),
            owner,
            owner,
            state,
            document,
            List.of(jurisdiction),
            state == ApplicationState.DRAFT ? 0 : 1,
            Optional.empty(),
            at,
            at);
    unit.run(entities -> new ApplicationStore(entities).insert(application));
    return application;
  }

  private static List<UUID> list(Caller caller, ApplicationFilter filter) {
    return unit.inTransaction(
        entities ->
            new ApplicationStore(entities)
                    .visible(
                        ApplicationAccess.scope(caller),
                        filter,
                        ApplicationStore.PageEnd.START,
                        100)
                    .stream()
                    .map(Application::id)
                    .toList());
  }

  @Test
  void eachPartNarrowsTheListWithinWhatTheCallerMaySee() {
    Caller compliance = Caller.staff("sub-co", Role.COMPLIANCE_OFFICER);
    ApplicationFilter any = ApplicationFilter.NONE;
    assertEquals(List.of(chRejected.id(), luApproved.id()), list(compliance, any));
    assertEquals(
        List.of(luApproved.id()), list(compliance, any.withState(ApplicationState.APPROVED)));
    assertEquals(List.of(chRejected.id()), list(compliance, any.withJurisdiction("CH")));
    assertEquals(List.of(luApproved.id()), list(compliance, any.withDataset("lu-set")));
    assertEquals(
        List.of(chRejected.id()),
        list(compliance, any.changedBetween(T0.plusSeconds(1), T0.plusSeconds(100_000))));
    // Title words match anywhere, any case; % and _ are letters, not wildcards.
    assertEquals(List.of(luApproved.id()), list(compliance, any.withTitle("crohn 50%")));
    assertEquals(List.of(), list(compliance, any.withTitle("crohn 5_%")));

    // A committee member of LU: never a draft, never CH's.
    Caller dacLu = Caller.staff("sub-dac", Role.DAC_MEMBER, Jurisdiction.LU);
    assertEquals(List.of(), list(dacLu, any.withJurisdiction("CH")));
    // The owner finds their draft by its title.
    Caller owner = Caller.of("sub-1", Set.of(Role.RESEARCHER), Set.of(), Optional.empty());
    assertEquals(
        List.of(luDraft.id()),
        list(owner, any.withState(ApplicationState.DRAFT).withTitle("draft")));
    assertEquals(
        java.util.Map.of(),
        unit.inTransaction(
            entities ->
                new ApplicationStore(entities)
                    .reviewsOf(List.of(luApproved.id(), chRejected.id()))),
        "no reviews stored for these: an empty map, no error");
  }
}
