package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing a project with its report, on the real stores: only its applicant, only once approved,
 * never without results; access still running or still to come ends, and the report is kept (the
 * register shows it: PublicRegisterTest).
 */
class CloseOutsTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final Caller APPLICANT = Caller.staff("sub-1", Role.RESEARCHER);

  private static WorkflowTestUnit persistence;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    persistence = WorkflowTestUnit.withDatasets();
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
  }

  private <T> T closeOuts(Function<CloseOuts, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new CloseOuts(
                    ApplicationsTest.changes(audit, entities, NOW),
                    new ApplicationStore(entities),
                    new EntitlementStore(entities),
                    audit)));
  }

  @Test
  void anApprovedProjectClosesWithItsReportAndItsAccessEnds() {
    Application draft = persistence.draftForLuAndCh(Optional.of(LocalDate.of(2028, 1, 1)), NOW);
    assertEquals(
        "not-closable",
        assertThrows(
                Refusal.class,
                () -> closeOuts(c -> c.close(APPLICANT, draft.id(), "Done.", List.of())))
            .code(),
        "a draft is not closed with a report");
    persistence.run(
        entities ->
            new ApplicationStore(entities).update(draft.with(ApplicationState.APPROVED, NOW)));
    UUID ethics =
        persistence.inTransaction(
            entities -> new ApplicationStore(entities).ethicsInForce(draft).get(0).id());
    Entitlement running = entitlement(draft, ethics, NOW.minus(30, ChronoUnit.DAYS));
    Entitlement toCome = entitlement(draft, ethics, NOW.plus(60, ChronoUnit.DAYS));

    assertEquals(
        List.of("results"),
        assertThrows(
                Refusal.class, () -> closeOuts(c -> c.close(APPLICANT, draft.id(), " ", List.of())))
            .problems()
            .stream()
            .map(FieldProblem::field)
            .toList());
    assertEquals(
        Refusal.Kind.NOT_FOUND,
        assertThrows(
                Refusal.class,
                () ->
                    closeOuts(
                        c ->
                            c.close(
                                Caller.staff("sub-2", Role.RESEARCHER),
                                draft.id(),
                                "Done.",
                                List.of())))
            .kind());

    Application closed =
        closeOuts(
                c ->
                    c.close(
                        APPLICANT,
                        draft.id(),
                        "  Relapse is predicted a month ahead.  ",
                        List.of(" 10.1000/clinnova.2 ")))
            .application();

    assertEquals(ApplicationState.CLOSED, closed.state());
    assertEquals(
        List.of(Entitlement.Status.REVOKED, Entitlement.Status.REVOKED),
        List.of(running, toCome).stream()
            .map(
                e ->
                    persistence
                        .inTransaction(entities -> new EntitlementStore(entities).find(e.id()))
                        .orElseThrow()
                        .statusAt(NOW.plus(90, ChronoUnit.DAYS)))
            .toList());
    CloseOut report =
        persistence
            .inTransaction(entities -> new ApplicationStore(entities).closeOut(draft.id()))
            .orElseThrow();
    assertEquals("Relapse is predicted a month ahead.", report.results());
    assertEquals(List.of("10.1000/clinnova.2"), report.publications());
    assertEquals(
        2, audit.events().stream().filter(e -> e.action().equals("entitlement.revoked")).count());
    assertTrue(audit.actions().contains("application.closed"));
    assertEquals(
        "not-closable",
        assertThrows(
                Refusal.class,
                () -> closeOuts(c -> c.close(APPLICANT, draft.id(), "Again.", List.of())))
            .code(),
        "written once");
  }

  private static Entitlement entitlement(Application application, UUID ethics, Instant from) {
    Entitlement granted =
        new Entitlement(
            UUID.randomUUID(),
            application.id(),
            application.ownerSub(),
            "lu-set",
            "LU",
            ethics,
            LocalDate.of(2028, 1, 1),
            from,
            from.plus(365, ChronoUnit.DAYS),
            Optional.empty(),
            Optional.empty());
    persistence.run(entities -> new EntitlementStore(entities).insert(granted));
    return granted;
  }
}
