package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.infrastructure.PolicyVersionStore;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.consent.policy.PolicyVersion;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policies' history: the bundled version recorded once, from the start that ran it; the next
 * version beside it; a file changed under the same number refused. A real PostgreSQL.
 */
class PolicyHistoryTest {

  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static TestDatabase database;
  private static TestPersistence persistence;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
    persistence = TestPersistence.unit("consent", database);
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
    database.close();
  }

  private <T> T history(Instant at, Function<PolicyHistory, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new PolicyHistory(
                    new PolicyVersionStore(entities), audit, Clock.fixed(at, ZoneOffset.UTC))));
  }

  @Test
  void eachVersionIsRecordedOnceFromTheStartThatRanItAndAChangeNeedsANewNumber() throws Exception {
    String bundled;
    try (InputStream in = PolicyCatalogue.class.getResourceAsStream(PolicyCatalogue.RESOURCE)) {
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int version = PolicyCatalogue.bundled().version();
    assertTrue(history(NOW, PolicyHistory::recordBundled).isPresent());
    assertTrue(history(NOW.plusSeconds(60), PolicyHistory::recordBundled).isEmpty(), "once");
    AuditEvent entry = audit.only("policies.in-force");
    assertEquals(version, entry.data().get("version"));

    String next = bundled.replaceFirst("\"version\": " + version, "\"version\": " + (version + 1));
    history(
        NOW.plusSeconds(3600), service -> service.record(next.getBytes(StandardCharsets.UTF_8)));
    Caller compliance = Caller.staff("sub-co", Role.COMPLIANCE_OFFICER);
    List<PolicyVersion> versions = history(NOW, service -> service.versions(compliance));
    assertEquals(
        List.of(version + 1, version), versions.stream().map(PolicyVersion::version).toList());
    assertEquals(NOW, versions.get(1).inForceFrom());
    assertEquals(version + 1, versions.get(0).catalogue().version());
    assertEquals(4, versions.get(0).catalogue().all().size());

    String changed = next.replace("\"ageOfMajority\": 18", "\"ageOfMajority\": 17");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                history(NOW, service -> service.record(changed.getBytes(StandardCharsets.UTF_8))));
    assertTrue(refused.getMessage().contains("new version number"), refused.getMessage());
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(
                Refusal.class,
                () -> history(NOW, service -> service.versions(Caller.patient("sub-p", "LU-1"))))
            .kind());
  }
}
