package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees which application is decided in one place ({@link ApplicationAccess#scope}): the store's
 * listing, in SQL, answers exactly the applications the rule admits one by one, for researchers,
 * stewards and committee members of one or two jurisdictions, compliance and someone with no role;
 * and a listing read page by page is the listing read at once, most recently changed first, nothing
 * missed or repeated (applications changed at the same instant included).
 */
class ApplicationVisibilityTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final List<String> OWNERS = List.of("sub-a", "sub-b", "sub-c");
  private static final List<Application> ALL = new ArrayList<>();
  private static final ApplicationDocument OTHER_TEAM =
      ApplicationDocumentTest.valid(
          SubmissionChecklistTest.complete()
              .json()
              .toString()
              .replace("n@x.example", "M@X.example"));
  private static TestDatabase database;
  private static TestPersistence unit;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("messages", "workflow");
    unit = TestPersistence.unit("workflow", database);
    Random random = new Random(18);
    List<String> codes = Jurisdiction.allCodes();
    for (int i = 0; i < 60; i++) {
      ApplicationState state =
          ApplicationState.values()[random.nextInt(ApplicationState.values().length)];
      List<String> jurisdictions = new ArrayList<>();
      for (String code : codes) {
        if (random.nextInt(3) == 0) {
          jurisdictions.add(code);
        }
      }
      if (jurisdictions.isEmpty()) {
        jurisdictions.add(codes.get(random.nextInt(codes.size())));
      }
      // Every fifth shares its instant with the one before: the page end must tell them apart.
      Instant updated = T0.plusSeconds(i % 5 == 0 ? i - 1 : i);
      ALL.add(
          new Application(
              UUID.randomUUID(),
              OWNERS.get(random.nextInt(OWNERS.size())),
              "someone",
              state,
              // Half of the teams name n@x.example, the others M@X.example (typed in capitals).
              i % 2 == 0 ? SubmissionChecklistTest.complete() : OTHER_TEAM,
              jurisdictions,
              state == ApplicationState.DRAFT ? 0 : 1,
              Optional.empty(),
              T0,
              updated,
              Optional.empty()));
    }
    unit.run(
        entities -> {
          ApplicationStore store = new ApplicationStore(entities);
          ALL.forEach(store::insert);
        });
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
    database.close();
  }

  static List<Caller> callers() {
    return List.of(
        Caller.staff("sub-a", Role.RESEARCHER),
        Caller.staff("sub-b", Role.RESEARCHER, Jurisdiction.FR),
        Caller.staff("steward-lu", Role.DATA_STEWARD, Jurisdiction.LU),
        Caller.staff("sub-c", Role.DAC_MEMBER, Jurisdiction.DE, Jurisdiction.CH),
        Caller.staff("auditor", Role.COMPLIANCE_OFFICER),
        Caller.staff("nobody", Role.PATIENT),
        // Team members by their verified addresses: one owns applications too.
        Caller.researcher("sub-member", "n@x.example"),
        Caller.researcher("sub-a", "m@x.example"));
  }

  private static List<UUID> expected(Caller caller) {
    return ALL.stream()
        .filter(application -> ApplicationAccess.canSee(caller, application))
        .sorted(
            // PostgreSQL orders uuids by their bytes, unsigned: as their hex text sorts
            Comparator.comparing(Application::updatedAt)
                .thenComparing(application -> application.id().toString())
                .reversed())
        .map(Application::id)
        .toList();
  }

  @Test
  void theListingAnswersWhatTheRuleAdmits() {
    for (Caller caller : callers()) {
      List<UUID> listed =
          unit
              .inTransaction(
                  entities ->
                      new ApplicationStore(entities)
                          .visible(
                              ApplicationAccess.scope(caller),
                              ApplicationStore.PageEnd.START,
                              1000))
              .stream()
              .map(Application::id)
              .toList();
      assertEquals(expected(caller), listed, caller.subject());
    }
    assertTrue(expected(Caller.staff("auditor", Role.COMPLIANCE_OFFICER)).size() > 20);
    assertEquals(List.of(), expected(Caller.staff("nobody", Role.PATIENT)));
  }

  @Test
  void pageByPageIsTheWholeListingInOrder() {
    for (Caller caller : callers()) {
      List<UUID> read = new ArrayList<>();
      Optional<ApplicationStore.PageEnd> end = Optional.empty();
      int pages = 0;
      do {
        Optional<ApplicationStore.PageEnd> after = end;
        List<Application> page =
            unit.inTransaction(
                entities ->
                    new ApplicationStore(entities)
                        .visible(
                            ApplicationAccess.scope(caller),
                            after.orElse(ApplicationStore.PageEnd.START),
                            7));
        page.forEach(application -> read.add(application.id()));
        end =
            page.size() < 7
                ? Optional.empty()
                : Optional.of(ApplicationStore.PageEnd.after(page.get(6)));
        pages++;
      } while (end.isPresent() && pages < 100);
      assertEquals(expected(caller), read, caller.subject());
    }
  }
}
