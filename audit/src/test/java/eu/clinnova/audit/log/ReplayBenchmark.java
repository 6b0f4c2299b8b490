package eu.clinnova.audit.log;

import eu.clinnova.audit.compliance.ComplianceReplay;
import eu.clinnova.audit.compliance.CompliantLog;
import eu.clinnova.audit.compliance.ReplayReport;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.audit.verifier.LogVerifier;
import eu.clinnova.audit.verifier.VerificationReport;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The compliance replay over a log of a million entries (issue 17: ≤ 30 s): a {@link CompliantLog}
 * of 200,000 patients with every thousandth entry a release of 500 subjects. The log is read from
 * the database and verified while it is replayed; the releases' subjects come from memory (what
 * {@code GET /releases/{id}/subjects} serves). The replay must find nothing. The deployment's
 * {@code ReplayApiBenchmark} runs the same log through the portal's API.
 */
final class ReplayBenchmark {

  private static final int PATIENTS = 200_000;
  private static final int RELEASE_EVERY = 1000;
  private static final int SUBJECTS = 500;

  private ReplayBenchmark() {}

  static void run(TestDatabase database, int entries) throws Exception {
    AuditLogBenchmark.createDatabase(database, "replay");
    DataSource db = database.on(TestDatabase.APP, "replay");
    NoteKey key = NoteKey.generate("bench/audit");
    LogStore store = new LogStore();
    CompliantLog generator = new CompliantLog(PATIENTS, RELEASE_EVERY, SUBJECTS);
    long written = System.nanoTime();
    AuditLogBenchmark.writeLog(db, store, key, entries, generator::event);
    AuditLogBenchmark.say(
        String.format(
            "replay: wrote %,d entries (%,d consent, %,d releases of %d subjects) in %.1f s",
            entries,
            generator.consents(),
            generator.releases().size(),
            SUBJECTS,
            (System.nanoTime() - written) / 1e9));
    try (Connection reading = db.getConnection()) {
      long start = System.nanoTime();
      ComplianceReplay replay = new ComplianceReplay();
      VerificationReport log =
          new LogVerifier(
                  AuditLogBenchmark.source(store, reading),
                  NoteVerifier.of(key.verifierKey()),
                  64,
                  n -> {},
                  replay::entry)
              .verify(null);
      long verified = System.nanoTime();
      ReplayReport report = replay.check(generator::served, 2);
      long end = System.nanoTime();
      AuditLogBenchmark.check(log.passed(), "the log verifies: " + log.problems());
      AuditLogBenchmark.check(report.passed(), "no violation: " + report.violations());
      AuditLogBenchmark.check(
          report.subjectsChecked() == (long) generator.releases().size() * SUBJECTS,
          "every subject checked");
      AuditLogBenchmark.say(
          String.format(
              "replay of %,d entries: %.1f s (log read, verified and folded %.1f s; %,d releases,"
                  + " %,d subjects checked %.1f s); %d violations",
              report.entries(),
              (end - start) / 1e9,
              (verified - start) / 1e9,
              report.releaseEntries(),
              report.subjectsChecked(),
              (end - verified) / 1e9,
              report.violations().size()));
    }
  }
}
