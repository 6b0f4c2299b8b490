package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.workflow.WorkflowTestUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agreement's versions as data: version 1 comes with the schema, its digest the one Java
 * computes of its text; an administrator publishes the next, logged; nobody else does, and the text
 * in force again is no new version. A real PostgreSQL.
 */
class DataAccessAgreementsTest {

  private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
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

  private <T> T agreements(Function<DataAccessAgreements, T> work) {
    return unit.inTransaction(
        entities ->
            work.apply(
                new DataAccessAgreements(
                    new AgreementStore(entities), audit, Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  @Test
  void versionOneComesWithTheSchemaAndAnAdministratorPublishesTheNext() {
    List<AgreementVersion> shipped = agreements(DataAccessAgreements::versions);
    assertEquals(1, shipped.size());
    DataAccessAgreement v1 = shipped.get(0).agreement();
    assertEquals(1, v1.version());
    assertTrue(v1.text().startsWith("Clinnova data access agreement"), v1.text());
    assertEquals(Sha256.hex(v1.text()), v1.sha256(), "PostgreSQL's digest is Java's");

    Caller steward = Caller.staff("sub-steward", Role.DATA_STEWARD, Jurisdiction.LU);
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(Refusal.class, () -> agreements(service -> service.publish(steward, "x")))
            .kind());
    Refusal same =
        assertThrows(Refusal.class, () -> agreements(service -> service.publish(ADMIN, v1.text())));
    assertEquals("text", same.problems().get(0).field());
    Refusal blank =
        assertThrows(Refusal.class, () -> agreements(service -> service.publish(ADMIN, " \n")));
    assertEquals("text", blank.problems().get(0).field());
    Refusal slip =
        assertThrows(
            Refusal.class, () -> agreements(service -> service.publish(ADMIN, "Infinity")));
    assertTrue(slip.problems().get(0).message().contains("at least 200"), slip.getMessage());
    assertTrue(audit.events().isEmpty());

    String next = v1.text() + "7. Results are shared with the patients' associations.\r\n";
    DataAccessAgreements.Published published = agreements(service -> service.publish(ADMIN, next));
    assertEquals(2, published.version().version());
    assertEquals(next.replace("\r\n", "\n"), published.version().agreement().text());
    assertEquals(NOW, published.version().publishedAt());
    AuditEvent entry = audit.only("agreement.published");
    assertEquals(new AuditEvent.Subject("agreement", "2"), entry.subject());
    assertEquals(published.version().agreement().sha256(), entry.data().get("sha256"));

    assertEquals(
        List.of(2, 1),
        agreements(DataAccessAgreements::versions).stream()
            .map(AgreementVersion::version)
            .toList());
    assertEquals(
        2, (int) unit.inTransaction(entities -> new AgreementStore(entities).current().version()));
  }
}
