package eu.clinnova.workflow.catalogue;

import static eu.clinnova.kernel.json.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
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
 * Publishing to the catalogue without a server: the real store on a real PostgreSQL, a clock set by
 * the test, and an audit trail that keeps what was put on the record.
 */
class DatasetCatalogueTest {

  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00.250Z");
  private static WorkflowTestUnit persistence;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    persistence = WorkflowTestUnit.empty();
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
  }

  private <T> T catalogue(Function<DatasetCatalogue, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new DatasetCatalogue(
                    audit, new DatasetStore(entities), Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  @Test
  void theSeedCatalogueIsPublishedOnceWithAnEntryPerDatasetAtTheClocksInstant() {
    catalogue(
        service -> {
          service.publishSeedCatalogue();
          return null;
        });
    catalogue(
        service -> {
          service.publishSeedCatalogue();
          return null;
        });

    List<Dataset> listed = catalogue(service -> service.list(null, null));
    assertEquals(DatasetCatalogue.seed().size(), listed.size());
    assertTrue(listed.stream().allMatch(dataset -> dataset.publishedAt().equals(NOW)));
    List<AuditEvent> entries = audit.events();
    assertEquals(listed.size(), entries.size(), "a second start publishes nothing again");
    AuditEvent first = entries.get(0);
    assertEquals("dataset.published", first.action());
    assertEquals(AuditEvent.Actor.system(), first.actor());
    assertEquals(
        List.of("LU"),
        catalogue(service -> service.find("lu-ibd-clinical")).stream()
            .map(Dataset::jurisdiction)
            .toList());
    assertEquals(
        List.of("CLINICAL-DATA"),
        audit.events().stream()
            .filter(entry -> entry.subject().id().equals("lu-ibd-clinical"))
            .findFirst()
            .orElseThrow()
            .data()
            .get("requiredModules"));
  }

  @Test
  void anInvalidDocumentIsAnsweredFieldByFieldAndLeavesNoTrace() {
    DatasetCatalogue.Outcome outcome =
        catalogue(
            service ->
                service.publish(
                    new AuditEvent.Actor("sub-admin", "admin"),
                    DatasetDocument.parse(
                        JSON.createObjectBuilder()
                            .add("id", "Not An Id")
                            .add("jurisdiction", "XX")
                            .build())));

    DatasetCatalogue.Outcome.Invalid invalid =
        assertInstanceOf(DatasetCatalogue.Outcome.Invalid.class, outcome);
    List<String> fields = invalid.problems().stream().map(DatasetDocument.Problem::field).toList();
    assertTrue(fields.containsAll(List.of("id", "jurisdiction")), fields.toString());
    assertTrue(audit.events().isEmpty());
    assertTrue(catalogue(service -> service.find("Not An Id")).isEmpty());
  }
}
