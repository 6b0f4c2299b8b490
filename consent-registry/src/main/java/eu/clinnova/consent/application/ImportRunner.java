package eu.clinnova.consent.application;

import eu.clinnova.consent.registry.ImportJob;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs import jobs in the background, one chunk per transaction ({@link PatientImport#step}), until
 * the file's last line; a job that throws ends as failed with the reason. At start-up the portal
 * hands it the jobs a restart interrupted.
 */
@ApplicationScoped
public class ImportRunner {

  private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

  private final PatientImport imports;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService managed;

  private Executor executor;

  @Inject
  public ImportRunner(PatientImport imports) {
    this.imports = imports;
  }

  /** A runner on {@code executor} (module tests run jobs on their own thread). */
  public ImportRunner(PatientImport imports, Executor executor) {
    this.imports = imports;
    this.executor = executor;
  }

  /** For CDI's client proxy only. */
  protected ImportRunner() {
    this(null);
  }

  /** Runs the job in the background; call it after the transaction that queued it committed. */
  public void submit(UUID id) {
    (executor != null ? executor : managed).execute(() -> run(id));
  }

  /** Goes on with every job a restart interrupted. */
  public void resumeUnfinished() {
    imports.unfinished().forEach(this::submit);
  }

  /** Runs the job to its end in this thread; answers it as it ended (empty if it had ended). */
  public Optional<ImportJob> run(UUID id) {
    try {
      Optional<PatientImport.Prepared> prepared = imports.prepare(id);
      if (prepared.isEmpty()) {
        return Optional.empty();
      }
      ImportJob job = prepared.get().job();
      while (!job.state().finished()) {
        job = imports.step(id, prepared.get().lines());
      }
      return Optional.of(job);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "import job " + id + " failed", e);
      // The steward reads this: the technical cause stays in the server's log.
      return Optional.of(
          imports.fail(
              id,
              "The import stopped: the registry or the audit log could not take the patients."
                  + " Upload the same file again: patients already enrolled are skipped."));
    }
  }
}
