package eu.clinnova.workflow.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.receipt.Controllers;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record of processing generated from what the workflow holds, without a server: the migrated
 * schema with the catalogue's LU and CH datasets, an approved application with its entitlements, a
 * draft that must not appear, and the development controllers.
 */
class ProcessingRegisterTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static WorkflowTestUnit unit;

  @BeforeAll
  static void start() throws Exception {
    unit = WorkflowTestUnit.withDatasets();
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  private ProcessingRecord record(Caller caller) {
    return unit.inTransaction(
        entities ->
            new ProcessingRegister(
                    new ApplicationStore(entities),
                    new DatasetStore(entities),
                    new EntitlementStore(entities),
                    Controllers.development(),
                    Clock.fixed(NOW, ZoneOffset.UTC))
                .record(caller));
  }

  @Test
  void anApprovedApplicationIsAnActivityWithItsBasesSubjectsRecipientsAndTheSwissTransfer() {
    Application draft = unit.draftForLuAndCh(Optional.of(LocalDate.of(2027, 6, 30)), NOW);
    Application approved =
        new Application(
            UUID.randomUUID(),
            "sub-1",
            "Rita Researcher",
            ApplicationState.APPROVED,
            draft.document(),
            List.of("LU", "CH"),
            1,
            Optional.empty(),
            NOW,
            NOW);
    Instant from = Instant.parse("2026-12-01T00:00:00Z");
    Instant until = Instant.parse("2027-12-01T00:00:00Z");
    unit.run(
        entities -> {
          ApplicationStore applications = new ApplicationStore(entities);
          applications.insert(approved);
          UUID ethics =
              ApplicationStoresTest.declareEthics(
                  applications, approved.id(), "LU", "CNER 202301", LocalDate.of(2027, 6, 30), NOW);
          for (String jurisdiction : List.of("LU", "CH")) {
            new EntitlementStore(entities)
                .insert(
                    new Entitlement(
                        UUID.randomUUID(),
                        approved.id(),
                        "sub-1",
                        jurisdiction.toLowerCase(java.util.Locale.ROOT) + "-set",
                        jurisdiction,
                        ethics,
                        LocalDate.of(2027, 6, 30),
                        from,
                        jurisdiction.equals("LU") ? until : until.minusSeconds(86400),
                        Optional.empty(),
                        Optional.empty()));
          }
        });

    ProcessingRecord record = record(Caller.staff("sub-compliance", Role.COMPLIANCE_OFFICER));

    assertEquals(Controllers.development().network(), record.controller());
    assertEquals(NOW, record.generatedAt());
    assertEquals(
        List.of(approved.id()),
        record.activities().stream().map(ProcessingActivity::applicationId).toList(),
        "the draft is no activity");
    ProcessingActivity activity = record.activities().get(0);
    assertEquals("T", activity.title());
    assertEquals(List.of("Health or medical research: D"), activity.purposes());
    assertTrue(activity.legalBasis().startsWith("CH: general consent"), activity.legalBasis());
    assertTrue(activity.legalBasis().contains("; LU: explicit consent"), activity.legalBasis());
    assertEquals(2, activity.dataSubjects().size());
    assertEquals(List.of("Rita Researcher (applicant)", "N (U)"), activity.recipients());
    assertEquals(
        List.of("CH"),
        activity.transfers().stream().map(ProcessingActivity.Transfer::country).toList());
    assertEquals(Optional.of(from), activity.from());
    assertEquals(Optional.of(until), activity.until(), "the longest access");
    assertTrue(activity.retention().startsWith("Access until " + until), activity.retention());
    assertTrue(ProcessingRecordPdf.render(record).length > 1000);

    assertEquals(1, record(Caller.staff("sub-admin", Role.ADMIN)).activities().size());
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(
                Refusal.class,
                () -> record(Caller.staff("sub-steward", Role.DATA_STEWARD, Jurisdiction.LU)))
            .kind());
  }
}
