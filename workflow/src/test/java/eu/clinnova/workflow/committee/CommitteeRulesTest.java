package eu.clinnova.workflow.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committees' rules as versioned data, without a server: the migrated table with its seed, the
 * service wired as the container wires it, and an audit trail that keeps what was recorded.
 */
class CommitteeRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final Caller ADMIN = Caller.staff("sub-admin", Role.ADMIN);

  private static WorkflowTestUnit unit;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = WorkflowTestUnit.empty();
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  private <T> T rules(Function<CommitteeRules, T> work) {
    return unit.inTransaction(
        entities ->
            work.apply(
                new CommitteeRules(
                    new CommitteeStore(entities), audit, Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  @Test
  void anAdministratorsChangeIsANewVersionOnTheRecordAndTheOldOneStays() {
    List<Committee> seeded = rules(service -> service.current(ADMIN));
    assertEquals(
        List.of("CH", "DE", "FR", "LU"), seeded.stream().map(Committee::jurisdiction).toList());
    assertEquals(new Committee.Rules(2, 7, 14, 90), seeded.get(0).rules(), "today's file's rules");

    CommitteeRules.Changed changed =
        rules(service -> service.change(ADMIN, "DE", new Committee.Rules(3, 5, 10, 90)));

    assertEquals(2, changed.committee().version());
    assertEquals(3, rules(service -> service.inForce("DE")).quorum());
    assertEquals("P5D", rules(service -> service.inForce("DE")).reminderPeriod());
    assertEquals("P10D", rules(service -> service.inForce("DE")).escalationPeriod());
    AuditEvent logged = audit.only("committee.changed");
    assertEquals(new AuditEvent.Subject("committee", "DE"), logged.subject());
    assertEquals(new AuditEvent.Actor("sub-admin", "admin"), logged.actor());
    assertEquals(
        Map.of("quorum", 2, "reminderDays", 7, "escalationDays", 14, "decisionDays", 90),
        logged.data().get("before"));
    Caller dac = Caller.staff("sub-dac", Role.DAC_MEMBER, Jurisdiction.DE);
    assertEquals(
        List.of(2, 1),
        rules(service -> service.history(dac, "DE")).stream().map(Committee::version).toList());

    audit.clear();
    assertEquals(
        2,
        rules(service -> service.change(ADMIN, "DE", new Committee.Rules(3, 5, 10, 90)))
            .committee()
            .version(),
        "the rules in force again: no new version");
    assertEquals(List.of(), audit.events());
  }

  @Test
  void onlyAnAdministratorChangesValidRulesOfAKnownCommitteeAndOnlyStaffReadThem() {
    Caller chair = Caller.staff("sub-chair", Role.DAC_CHAIR, Jurisdiction.LU);
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(
                Refusal.class,
                () ->
                    rules(service -> service.change(chair, "LU", new Committee.Rules(1, 2, 3, 4))))
            .kind());
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(
                Refusal.class,
                () -> rules(service -> service.current(Caller.staff("sub-r", Role.RESEARCHER))))
            .kind());
    assertEquals(
        Refusal.Kind.NOT_FOUND,
        assertThrows(
                Refusal.class,
                () ->
                    rules(service -> service.change(ADMIN, "IT", new Committee.Rules(1, 2, 3, 4))))
            .kind());
    Refusal invalid =
        assertThrows(
            Refusal.class,
            () ->
                rules(service -> service.change(ADMIN, "LU", new Committee.Rules(0, 14, 7, 400))));
    assertEquals(
        List.of(
            new FieldProblem("quorum", "must be from 1 to 25 votes"),
            new FieldProblem("escalationDays", "must be later than the reminder (reminderDays)"),
            new FieldProblem("decisionDays", "must be from 1 to 365 days")),
        invalid.problems());
    assertTrue(audit.events().isEmpty());
    assertEquals(1, rules(service -> service.inForce("LU")).version());
  }
}
