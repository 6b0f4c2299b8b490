package eu.clinnova.workflow.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What needs attention, read from the workflow's tables on a real PostgreSQL: an approval that ran
 * out under access still in force shows (a renewed one does not), and a dataset in use shows until
 * its node asks the gate about it.
 */
class NetworkAttentionTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  private static final Caller ADMIN = Caller.staff("sub-admin", Role.ADMIN);
  private static WorkflowTestUnit unit;

  @BeforeAll
  static void start() throws Exception {
    unit = WorkflowTestUnit.withDatasets();
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  private <T> T attention(Function<NetworkAttention, T> work) {
    return unit.inTransaction(
        entities -> work.apply(new NetworkAttention(entities, Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  /** An approved application with access to {@code dataset} resting on an approval until then. */
  private Application approvedWithAccess(String dataset, String jurisdiction, LocalDate until) {
    Application draft = unit.draftForLuAndCh(Optional.empty(), NOW);
    Application approved =
        new Application(
            UUID.randomUUID(),
            "sub-1",
            "Rita Researcher",
            ApplicationState.APPROVED,
            draft.document(),
            List.of(jurisdiction),
            1,
            Optional.empty(),
            NOW,
            NOW);
    unit.run(
        entities -> {
          ApplicationStore applications = new ApplicationStore(entities);
          applications.insert(approved);
          UUID ethics =
              ApplicationStoresTest.declareEthics(
                  applications, approved.id(), jurisdiction, "REF-" + until, until, NOW);
          new EntitlementStore(entities)
              .insert(
                  new Entitlement(
                      UUID.randomUUID(),
                      approved.id(),
                      "sub-1",
                      dataset,
                      jurisdiction,
                      ethics,
                      until,
                      NOW.minus(100, ChronoUnit.DAYS),
                      NOW.plus(200, ChronoUnit.DAYS),
                      Optional.empty(),
                      Optional.empty()));
        });
    return approved;
  }

  @Test
  void lapsedApprovalsUnderAccessInForceAndQuietDatasetsShow() {
    Application lapsed = approvedWithAccess("lu-set", "LU", TODAY.minusDays(3));
    Application current = approvedWithAccess("ch-set", "CH", TODAY.plusDays(30));

    List<LapsedEthics> ethics = attention(service -> service.lapsedEthics(ADMIN));
    assertEquals(1, ethics.size(), ethics.toString());
    assertEquals(lapsed.id(), ethics.get(0).applicationId());
    assertEquals("LU", ethics.get(0).jurisdiction());
    assertEquals(TODAY.minusDays(3), ethics.get(0).validUntil());
    assertEquals(1, ethics.get(0).entitlements());

    // A renewed approval is the one the gate uses: the lapse no longer needs anyone.
    unit.run(
        entities ->
            ApplicationStoresTest.declareEthics(
                new ApplicationStore(entities),
                lapsed.id(),
                "LU",
                "REF-renewed",
                TODAY.plusDays(365),
                NOW.plusSeconds(1)));
    assertTrue(attention(service -> service.lapsedEthics(ADMIN)).isEmpty());

    List<QuietDataset> quiet = attention(service -> service.quietDatasets(ADMIN));
    assertEquals(List.of("ch-set", "lu-set"), quiet.stream().map(QuietDataset::datasetId).toList());
    assertTrue(quiet.get(0).lastRelease().isEmpty());
    release(current.id(), "ch-set", NOW.minus(40, ChronoUnit.DAYS), 1);
    release(lapsed.id(), "lu-set", NOW.minus(2, ChronoUnit.DAYS), 2);
    quiet = attention(service -> service.quietDatasets(ADMIN));
    assertEquals(List.of("ch-set"), quiet.stream().map(QuietDataset::datasetId).toList());
    assertEquals(Optional.of(NOW.minus(40, ChronoUnit.DAYS)), quiet.get(0).lastRelease());

    Caller steward = Caller.staff("sub-steward", Role.DATA_STEWARD, Jurisdiction.LU);
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(Refusal.class, () -> attention(service -> service.quietDatasets(steward)))
            .kind());
  }

  /** A release decision as the gate stores it (the parts these queries read). */
  private static void release(UUID applicationId, String dataset, Instant at, long auditIndex) {
    unit.run(
        entities ->
            entities
                .createNativeQuery(
                    "INSERT INTO workflow.release (id, node, application_id, dataset_id,"
                        + " jurisdiction, recipient, decision, reasons, modules, requested,"
                        + " permitted, denials, requested_sha256, permitted_sha256, decided_at,"
                        + " audit_index) VALUES (?1, 'node', ?2, ?3, 'LU', 'sub-1', 'permit',"
                        + " '{}', '{CLINICAL-DATA}', 1, 1, '{}'::jsonb, 'x', 'x', ?4, ?5)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, applicationId)
                .setParameter(3, dataset)
                .setParameter(4, Timestamp.from(at))
                .setParameter(5, auditIndex)
                .executeUpdate());
  }
}
