package eu.clinnova.workflow.catalogue;

import static eu.clinnova.kernel.json.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.WorkflowTestUnit;
import java.io.StringReader;
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

  private static DatasetDocument.Parsed document(
      String id, String jurisdiction, String title, String modules) {
    return DatasetDocument.parse(
        JSON.createReader(
                new StringReader(
                    "{\"id\":\""
                        + id
                        + "\",\"title\":\""
                        + title
                        + "\",\"jurisdiction\":\""
                        + jurisdiction
                        + "\",\"cohort\":\"MS\",\"duo\":[\"HMB\"],\"requiredModules\":"
                        + modules
                        + ",\"subjects\":40}"))
            .readObject());
  }

  @Test
  void aNewVersionKeepsTheOldOneInTheHistoryAndRetiringClosesTheCatalogueToIt() {
    Caller admin = Caller.staff("sub-admin", Role.ADMIN);
    catalogue(
        service ->
            service.publish(
                new AuditEvent.Actor("sub-admin", "admin"),
                document("de-ms-versions", "DE", "MS registry", "[\"CLINICAL-DATA\"]")));

    DatasetCatalogue.Outcome revised =
        catalogue(
            service ->
                service.revise(
                    admin,
                    "de-ms-versions",
                    document(
                        "de-ms-versions",
                        "DE",
                        "MS registry, Freiburg",
                        "[\"CLINICAL-DATA\",\"GENETIC\"]")));

    CatalogueEntry entry = ((DatasetCatalogue.Outcome.Revised) revised).entry();
    assertEquals(2, entry.version());
    assertEquals(List.of("CLINICAL-DATA", "GENETIC"), entry.dataset().requiredModules());
    assertEquals(
        List.of(2, 1),
        catalogue(service -> service.history("de-ms-versions")).stream()
            .map(DatasetVersion::version)
            .toList());
    assertEquals(
        "MS registry",
        catalogue(service -> service.history("de-ms-versions")).get(1).title(),
        "the first version stays as it was");
    assertEquals(2, audit.only("dataset.revised").data().get("version"));

    DatasetCatalogue.Outcome moved =
        catalogue(
            service ->
                service.revise(
                    admin,
                    "de-ms-versions",
                    document("de-ms-versions", "CH", "MS registry", "[\"CLINICAL-DATA\"]")));
    assertEquals(
        "jurisdiction", ((DatasetCatalogue.Outcome.Invalid) moved).problems().get(0).field());
    assertThrows(
        Refusal.class,
        () ->
            catalogue(
                service ->
                    service.retire(Caller.staff("sub-r", Role.RESEARCHER), "de-ms-versions")));

    catalogue(service -> service.retire(admin, "de-ms-versions"));
    assertTrue(
        catalogue(service -> service.list("DE", "MS")).stream()
            .noneMatch(dataset -> dataset.id().equals("de-ms-versions")));
    assertTrue(catalogue(service -> service.entry("de-ms-versions")).orElseThrow().retired());
    assertEquals(
        List.of(),
        ((DatasetCatalogue.Outcome.Revised)
                catalogue(service -> service.retire(admin, "de-ms-versions")))
            .audit().stream().toList(),
        "retiring again writes nothing");
  }
}
