package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.registry.ImportJob;
import eu.clinnova.consent.registry.PatientCsv;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hospital's export enrolled in the background, without a server: the real stores and the job
 * table on a real PostgreSQL, each of the service's calls in its own transaction as the container
 * runs them, and an audit trail that keeps what was put on the record.
 */
class PatientImportTest {

  private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
  private static final Caller STEWARD =
      Caller.staff("sub-steward-lu", Role.DATA_STEWARD, Jurisdiction.LU);

  private static ConsentTestUnit unit;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = ConsentTestUnit.migrated();
    unit.enrol(NOW, new Patient("LU-IMP0009", "LU", "CHL", Set.of(Patient.Cohort.MS), false));
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  @BeforeEach
  void forget() {
    audit.clear();
  }

  /** The service with each call in a transaction of its own, as CDI's interceptor runs it. */
  private final class InTransactions extends PatientImport {
    private <T> T call(Function<PatientImport, T> work) {
      return unit.inTransaction(audit, NOW, services -> work.apply(services.imports()));
    }

    @Override
    public Started start(Caller caller, byte[] file) {
      return call(service -> service.start(caller, file));
    }

    @Override
    public Optional<ImportJob> job(Caller caller, UUID id) {
      return call(service -> service.job(caller, id));
    }

    @Override
    public Optional<Prepared> prepare(UUID id) {
      return call(service -> service.prepare(id));
    }

    @Override
    public ImportJob step(UUID id, List<PatientCsv.Line> lines) {
      return call(service -> service.step(id, lines));
    }

    @Override
    public ImportJob fail(UUID id, String why) {
      return call(service -> service.fail(id, why));
    }

    @Override
    public List<ImportJob> failedSince(Caller caller, Instant since) {
      return call(service -> service.failedSince(caller, since));
    }

    @Override
    public List<UUID> unfinished() {
      return call(PatientImport::unfinished);
    }
  }

  private static byte[] csv(String... lines) {
    return ("psn,site,cohorts,minor\n" + String.join("\n", lines) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static int count(String sql) throws SQLException {
    try (Connection connection = unit.database.app().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }

  @Test
  void goodLinesAreEnrolledBadOnesReportedByNumberAndASecondRunEnrolsNobodyTwice()
      throws SQLException {
    InTransactions imports = new InTransactions();
    ImportRunner runner = new ImportRunner(imports, Runnable::run);
    byte[] file =
        csv(
            "LU-IMP0001,CHL,IBD;RA,false",
            "LU-IMP0002,CHL,MS,true",
            "LU-IMP0001,CHL,IBD,false",
            "LU-IMP0003,CHL,ASTHMA,false",
            "LU-IMP0009,CHL,MS,false",
            "FR-IMP0001,CHRU,MS,false");

    PatientImport.Started started = imports.start(STEWARD, file);
    assertEquals(ImportJob.State.QUEUED, started.job().state());
    assertEquals(6, started.job().total());
    assertEquals(
        started.job().id().toString(), audit.only("patients.import-started").data().get("jobId"));
    runner.submit(started.job().id());

    ImportJob done = imports.job(STEWARD, started.job().id()).orElseThrow();
    assertEquals(ImportJob.State.DONE, done.state());
    assertEquals(6, done.done());
    assertEquals(2, done.enrolled());
    assertEquals(1, done.alreadyEnrolled());
    assertEquals(3, done.errorCount());
    assertEquals(
        List.of(
            "4: psn LU-IMP0001 is already on line 2",
            "5: cohort \"ASTHMA\" is not one of IBD, RA, MS",
            "7: psn FR-IMP0001 is not of your jurisdiction"),
        done.errors().stream().map(error -> error.line() + ": " + error.message()).toList());
    // Each with its code and arguments, which the steward's page says in their language.
    assertEquals(
        List.of("psn-twice", "cohort-unknown", "psn-elsewhere"),
        done.errors().stream().map(error -> error.problem().code()).toList());
    assertEquals(List.of("LU-IMP0001", "2"), done.errors().get(0).problem().args());
    assertEquals(
        List.of("LU-IMP0001", "LU-IMP0002"),
        audit.events().stream()
            .filter(event -> event.action().equals("patient.enrolled"))
            .map(event -> event.subject().id())
            .toList());
    AuditEvent enrolled = audit.events().get(1);
    assertEquals(new AuditEvent.Actor("sub-steward-lu", "data-steward"), enrolled.actor());
    assertEquals(started.job().id().toString(), enrolled.data().get("importJob"));
    assertEquals(2, audit.only("patients.imported").data().get("enrolled"));
    assertEquals(
        0,
        count("SELECT count(*) FROM consent.job_input WHERE job_id = '" + done.id() + "'"),
        "the file goes when the job ends");
    assertEquals(
        1, count("SELECT count(*) FROM consent.patient_state WHERE psn = 'LU-IMP0002' AND minor"));

    audit.clear();
    ImportJob again = runner.run(imports.start(STEWARD, file).job().id()).orElseThrow();
    assertEquals(0, again.enrolled());
    assertEquals(3, again.alreadyEnrolled());
    assertTrue(audit.events().stream().noneMatch(e -> e.action().equals("patient.enrolled")));
    assertEquals(3, count("SELECT count(*) FROM consent.patient WHERE psn LIKE 'LU-IMP%'"));
  }

  @Test
  void aJobInterruptedAfterAChunkGoesOnFromThereAndOnlyItsStarterOrAnAdministratorSeesIt()
      throws SQLException {
    InTransactions imports = new InTransactions();
    String[] lines = new String[PatientImport.CHUNK + 10];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = String.format("LU-RES%05d,CHL,IBD,false", i);
    }
    UUID id = imports.start(STEWARD, csv(lines)).job().id();
    PatientImport.Prepared prepared = imports.prepare(id).orElseThrow();
    ImportJob afterOneChunk = imports.step(id, prepared.lines());
    assertEquals(ImportJob.State.RUNNING, afterOneChunk.state());
    assertEquals(PatientImport.CHUNK, afterOneChunk.done());
    assertEquals(List.of(id), imports.unfinished());

    // The portal restarts: the runner goes on with the unfinished job from its last chunk.
    new ImportRunner(imports, Runnable::run).resumeUnfinished();

    ImportJob done = imports.job(STEWARD, id).orElseThrow();
    assertEquals(ImportJob.State.DONE, done.state());
    assertEquals(lines.length, done.enrolled());
    assertEquals(0, done.alreadyEnrolled());
    assertEquals(
        lines.length, count("SELECT count(*) FROM consent.patient WHERE psn LIKE 'LU-RES%'"));
    assertEquals(List.of(), imports.unfinished());

    assertTrue(
        imports
            .job(Caller.staff("sub-steward-lu-2", Role.DATA_STEWARD, Jurisdiction.LU), id)
            .isEmpty());
    assertTrue(imports.job(Caller.staff("sub-admin", Role.ADMIN), id).isPresent());
  }

  @Test
  void aFailedJobIsListedForAdministratorsWithItsReason() {
    InTransactions imports = new InTransactions();
    UUID id = imports.start(STEWARD, csv("LU-FAIL00001,CHL,IBD,false")).job().id();
    imports.fail(id, "The registry could not take the patients.");
    Caller admin = Caller.staff("sub-admin", Role.ADMIN);
    List<ImportJob> failed = imports.failedSince(admin, NOW.minus(1, ChronoUnit.DAYS));
    assertTrue(failed.stream().anyMatch(job -> job.id().equals(id)), failed.toString());
    ImportJob job = failed.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    assertEquals(Optional.of("The registry could not take the patients."), job.failure());
    assertTrue(imports.failedSince(admin, NOW.plusSeconds(1)).isEmpty(), "only since then");
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(Refusal.class, () -> imports.failedSince(STEWARD, NOW)).kind());
  }

  @Test
  void aFileWithAnotherHeaderOrNotInUtf8OrFromSomeoneButAStewardStartsNothing()
      throws SQLException {
    InTransactions imports = new InTransactions();
    int jobs = count("SELECT count(*) FROM consent.job");

    Refusal header =
        assertThrows(
            Refusal.class,
            () ->
                imports.start(STEWARD, "id;site\nLU-0001;CHL\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Refusal.Kind.INVALID, header.kind());
    assertEquals("header", header.problems().get(0).field());
    Refusal latin1 =
        assertThrows(
            Refusal.class,
            () ->
                imports.start(
                    STEWARD,
                    "psn,site,cohorts,minor\nLU-0001,Hôpital,IBD,false\n"
                        .getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals("file", latin1.problems().get(0).field());
    assertEquals(
        Refusal.Kind.INVALID,
        assertThrows(Refusal.class, () -> imports.start(STEWARD, csv())).kind());
    assertEquals(
        Refusal.Kind.TOO_LARGE,
        assertThrows(
                Refusal.class, () -> imports.start(STEWARD, new byte[PatientImport.MAX_BYTES + 1]))
            .kind());
    assertEquals(
        Refusal.Kind.FORBIDDEN,
        assertThrows(
                Refusal.class,
                () ->
                    imports.start(
                        Caller.staff("sub-compliance", Role.COMPLIANCE_OFFICER),
                        csv("LU-0001,CHL,IBD,false")))
            .kind());
    assertEquals(jobs, count("SELECT count(*) FROM consent.job"));
    assertEquals(List.of(), audit.events());
  }
}
