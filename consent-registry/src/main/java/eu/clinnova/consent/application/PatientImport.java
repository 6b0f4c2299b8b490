package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.JobStore;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.consent.registry.ImportJob;
import eu.clinnova.consent.registry.PatientCsv;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Bulk enrolment from a hospital's export (a steward; {@code POST /patients/import}). Starting
 * checks the file as a whole and queues a job; {@link ImportRunner} then moves it on a chunk of
 * lines per transaction: the chunk's patients, their audit entries and the job's progress commit
 * together, so a job that a restart interrupted goes on where it stopped and enrols nobody twice.
 */
@ApplicationScoped
public class PatientImport {

  /** A file of at most 20 MB (about 500,000 lines); a larger registry comes in several files. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  /** Lines per transaction. */
  static final int CHUNK = 2000;

  private final DataSource dataSource;
  private final AuditTrail auditLog;
  private final JobStore jobs;
  private final Clock clock;
  private final PatientStore patients = new PatientStore();

  @Inject
  public PatientImport(DataSource dataSource, AuditTrail auditLog, JobStore jobs, Clock clock) {
    this.dataSource = dataSource;
    this.auditLog = auditLog;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected PatientImport() {
    this(null, null, null, null);
  }

  /** A queued job, and the entry of its start. */
  public record Started(ImportJob job, PendingAudit audit) {}

  /**
   * Queues the import of {@code file} for the steward's jurisdictions, once its text and header are
   * right; run it with {@link ImportRunner#submit} after this transaction commits.
   *
   * @throws Refusal 403 for anyone but a steward, 413 for a file over 20 MB, 400 for a file that is
   *     not UTF-8, empty, without patients or with another header
   */
  @Transactional
  public Started start(Caller caller, byte[] file) {
    if (!caller.has(Role.DATA_STEWARD) || caller.jurisdictionCodes().isEmpty()) {
      throw Refusal.forbidden("Only a data steward of a jurisdiction enrols patients.");
    }
    if (file.length > MAX_BYTES) {
      throw tooLarge();
    }
    int total;
    try {
      total = PatientCsv.checkedLines(file).size() - 1;
    } catch (PatientCsv.Unreadable unreadable) {
      throw Refusal.invalid(unreadable.getMessage(), unreadable.problems());
    }
    if (total == 0) {
      throw Refusal.invalid(
          "The file lists no patients.",
          List.of(new FieldProblem("file", "has the header but no patient lines")));
    }
    ImportJob job =
        new ImportJob(
            UUID.randomUUID(),
            ImportJob.KIND,
            caller.subject(),
            caller.jurisdictionCodes(),
            ImportJob.State.QUEUED,
            total,
            0,
            0,
            0,
            0,
            List.of(),
            Optional.empty(),
            Sha256.hex(file),
            now(),
            Optional.empty());
    jobs.insert(job, file);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", job.id().toString());
    data.put("lines", total);
    data.put("bytes", file.length);
    data.put("sha256", job.inputSha256());
    return new Started(
        job,
        auditLog.record(
            new AuditEvent(
                Actors.of(caller, Role.DATA_STEWARD),
                "patients.import-started",
                new AuditEvent.Subject("job", job.id().toString()),
                data)));
  }

  public static Refusal tooLarge() {
    return new Refusal(
        Refusal.Kind.TOO_LARGE,
        "import-too-large",
        "A file may be at most 20 MB: split a larger export into several files.",
        List.of());
  }

  /** The job, if the caller started it or administers the portal; else empty (no leak). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ImportJob> job(Caller caller, UUID id) {
    return jobs.find(id)
        .filter(job -> job.startedBy().equals(caller.subject()) || caller.has(Role.ADMIN));
  }

  /** A job's lines, judged, for its runner: empty when the job has ended or is unknown. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Prepared> prepare(UUID id) {
    Optional<ImportJob> job = jobs.find(id).filter(found -> !found.state().finished());
    if (job.isEmpty()) {
      return Optional.empty();
    }
    byte[] input = jobs.input(id).orElseThrow();
    try {
      return Optional.of(
          new Prepared(job.get(), PatientCsv.read(input, job.get().jurisdictions()).lines()));
    } catch (PatientCsv.Unreadable unreadable) {
      throw new IllegalStateException("a started job's file no longer reads", unreadable);
    }
  }

  /** A job and its file's lines. */
  public record Prepared(ImportJob job, List<PatientCsv.Line> lines) {}

  /**
   * Enrols the next chunk of the job's lines (from where it is), in one transaction with the job's
   * progress; answers the job as it is then. A job already past them (another runner moved it) is
   * answered as it is.
   */
  @Transactional
  public ImportJob step(UUID id, List<PatientCsv.Line> lines) {
    ImportJob job = jobs.lock(id).orElseThrow();
    if (job.state().finished()) {
      return job;
    }
    int from = job.done();
    int to = Math.min(lines.size(), from + CHUNK);
    List<Patient> valid = new ArrayList<>(to - from);
    List<ImportJob.LineError> errors = new ArrayList<>(job.errors());
    int errorCount = job.errorCount();
    for (PatientCsv.Line line : lines.subList(from, to)) {
      if (line.patient().isPresent()) {
        valid.add(line.patient().get());
      } else {
        errorCount++;
        if (errors.size() < ImportJob.MOST_REPORTED) {
          errors.add(new ImportJob.LineError(line.number(), line.problem().orElseThrow()));
        }
      }
    }
    Instant at = now();
    List<String> enrolled;
    try (Connection connection = dataSource.getConnection()) {
      enrolled = patients.insertAll(connection, valid, at, job.startedBy());
    } catch (SQLException e) {
      throw new IllegalStateException("the patients could not be enrolled", e);
    }
    Set<String> inserted = new HashSet<>(enrolled);
    AuditEvent.Actor steward = new AuditEvent.Actor(job.startedBy(), Role.DATA_STEWARD.tokenName());
    List<AuditEvent> entries = new ArrayList<>(inserted.size() + 1);
    for (Patient patient : valid) {
      if (inserted.contains(patient.psn())) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jurisdiction", patient.jurisdiction());
        data.put("cohorts", patient.cohorts().stream().sorted().map(Enum::name).toList());
        data.put("minor", patient.minor());
        data.put("importJob", id.toString());
        entries.add(
            new AuditEvent(
                steward,
                "patient.enrolled",
                new AuditEvent.Subject("patient", patient.psn()),
                data));
      }
    }
    boolean last = to == lines.size();
    ImportJob moved =
        new ImportJob(
            job.id(),
            job.kind(),
            job.startedBy(),
            job.jurisdictions(),
            last ? ImportJob.State.DONE : ImportJob.State.RUNNING,
            job.total(),
            to,
            job.enrolled() + inserted.size(),
            job.alreadyEnrolled() + valid.size() - inserted.size(),
            errorCount,
            errors,
            Optional.empty(),
            job.inputSha256(),
            job.createdAt(),
            last ? Optional.of(at) : Optional.empty());
    if (last) {
      entries.add(ended(moved, "patients.imported"));
    }
    auditLog.recordAll(entries);
    jobs.update(moved);
    return moved;
  }

  /** Ends the job as failed, saying why; what its committed chunks enrolled stays. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ImportJob fail(UUID id, String why) {
    ImportJob job = jobs.lock(id).orElseThrow();
    if (job.state().finished()) {
      return job;
    }
    ImportJob failed =
        new ImportJob(
            job.id(),
            job.kind(),
            job.startedBy(),
            job.jurisdictions(),
            ImportJob.State.FAILED,
            job.total(),
            job.done(),
            job.enrolled(),
            job.alreadyEnrolled(),
            job.errorCount(),
            job.errors(),
            Optional.of(why),
            job.inputSha256(),
            job.createdAt(),
            Optional.of(now()));
    auditLog.record(ended(failed, "patients.import-failed"));
    jobs.update(failed);
    return failed;
  }

  /** Jobs that failed since {@code since}, latest first, for administrators (at most 50). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ImportJob> failedSince(Caller caller, Instant since) {
    if (!caller.has(Role.ADMIN)) {
      throw Refusal.forbidden("Failed jobs are for administrators.");
    }
    return jobs.failedSince(since, 50);
  }

  /** Jobs a restart interrupted. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> unfinished() {
    return jobs.unfinished();
  }

  private static AuditEvent ended(ImportJob job, String action) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("jobId", job.id().toString());
    data.put("lines", job.total());
    data.put("done", job.done());
    data.put("enrolled", job.enrolled());
    data.put("alreadyEnrolled", job.alreadyEnrolled());
    data.put("badLines", job.errorCount());
    return new AuditEvent(
        new AuditEvent.Actor(job.startedBy(), Role.DATA_STEWARD.tokenName()),
        action,
        new AuditEvent.Subject("job", job.id().toString()),
        data);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
