package eu.clinnova.audit.log;

import eu.clinnova.audit.compliance.ComplianceReplay;
import eu.clinnova.audit.compliance.ReleaseSubjectsSource;
import eu.clinnova.audit.compliance.ReplayReport;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.audit.subjects.SubjectCommitments;
import eu.clinnova.audit.subjects.SubjectLeaf;
import eu.clinnova.audit.subjects.SubjectTree;
import eu.clinnova.audit.verifier.LogVerifier;
import eu.clinnova.audit.verifier.VerificationReport;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The compliance replay over a log of a million entries (issue 17: ≤ 30 s): 200,000 patients'
 * consent entries (recorded, withdrawn), other entries between them, and every thousandth entry a
 * release of 500 random subjects, each permitted exactly when the consent entries so far permit the
 * modules it needs, with its subject tree. The log is read from the database and verified while it
 * is replayed; the releases' subjects come from memory (what {@code GET /releases/{id}/subjects}
 * serves). The replay must find nothing.
 */
final class ReplayBenchmark {

  private static final int PATIENTS = 200_000;
  private static final int RELEASE_EVERY = 1000;
  private static final int SUBJECTS = 500;
  private static final List<String> MODULES = List.of("AI-TRAINING", "CLINICAL-DATA");

  private ReplayBenchmark() {}

  static void run(AuditDatabase database, int entries) throws Exception {
    AuditLogBenchmark.createDatabase(database, "replay");
    DataSource db = database.on(AuditDatabase.APP, "replay");
    NoteKey key = NoteKey.generate("bench/audit");
    LogStore store = new LogStore();
    Generator generator = new Generator();
    long written = System.nanoTime();
    AuditLogBenchmark.writeLog(db, store, key, entries, generator::event);
    AuditLogBenchmark.say(
        String.format(
            "replay: wrote %,d entries (%,d consent, %,d releases of %d subjects) in %.1f s",
            entries,
            generator.consents,
            generator.served.size(),
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
                  replay)
              .verify(null);
      long verified = System.nanoTime();
      ReplayReport report = replay.check(generator.served::get, 2);
      long end = System.nanoTime();
      AuditLogBenchmark.check(log.passed(), "the log verifies: " + log.problems());
      AuditLogBenchmark.check(report.passed(), "no violation: " + report.violations());
      AuditLogBenchmark.check(
          report.subjectsChecked() == (long) generator.served.size() * SUBJECTS,
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

  /** The log's entries, generated in order, with the state the gate would have decided on. */
  private static final class Generator {
    private final Random random = new Random(17);
    private final boolean[][] permits = new boolean[PATIENTS][MODULES.size()];
    private final Map<String, ReleaseSubjectsSource.Served> served = new ConcurrentHashMap<>();
    private long consents;

    AuditEvent event(long n) {
      if (n % RELEASE_EVERY == RELEASE_EVERY - 1) {
        return release(n);
      }
      int kind = random.nextInt(100);
      int patient = random.nextInt(PATIENTS);
      if (kind < 55) {
        consents++;
        Map<String, Object> decisions = new LinkedHashMap<>();
        for (int m = 0; m < MODULES.size(); m++) {
          permits[patient][m] = random.nextInt(10) < (m == 0 ? 7 : 9);
          decisions.put(MODULES.get(m), permits[patient][m] ? "permit" : "deny");
        }
        return consent(
            "consent.recorded", patient, Map.of("decisions", decisions, "recordId", "r" + n));
      }
      if (kind < 60) {
        consents++;
        boolean everything = random.nextBoolean();
        for (int m = 0; m < MODULES.size(); m++) {
          if (everything || m == 0) {
            permits[patient][m] = false;
          }
        }
        return consent(
            "consent.withdrawn",
            patient,
            Map.of(
                "modules",
                everything ? List.of("*") : List.of("AI-TRAINING"),
                "recordId",
                "r" + n));
      }
      return new AuditEvent(
          new AuditEvent.Actor("dac-lu", "dac-member"),
          "application.viewed",
          new AuditEvent.Subject("application", "app-" + (n % 5000)),
          Map.of("view", "file"));
    }

    private AuditEvent consent(String action, int patient, Map<String, Object> data) {
      return new AuditEvent(
          new AuditEvent.Actor("steward-lu", "data-steward"),
          action,
          new AuditEvent.Subject("patient", psn(patient)),
          data);
    }

    private AuditEvent release(long n) {
      String releaseId = new java.util.UUID(n, ~n).toString();
      Set<Integer> chosen = new LinkedHashSet<>();
      while (chosen.size() < SUBJECTS) {
        chosen.add(random.nextInt(PATIENTS));
      }
      Map<String, String> reasons = new HashMap<>();
      List<String> psns = new ArrayList<>();
      int permitted = 0;
      for (int patient : chosen) {
        psns.add(psn(patient));
        if (permits[patient][0] && permits[patient][1]) {
          permitted++;
        } else {
          reasons.put(psn(patient), "consent-missing");
        }
      }
      SubjectTree tree = SubjectTree.of(SubjectCommitments.of(releaseId, psns), reasons::get);
      String root = Base64.getEncoder().encodeToString(tree.root());
      List<ReleaseSubjectsSource.Leaf> leaves = new ArrayList<>();
      for (SubjectLeaf leaf : tree.leaves()) {
        leaves.add(new ReleaseSubjectsSource.Leaf(leaf.psnOrThrow(), leaf.bytes()));
      }
      served.put(releaseId, new ReleaseSubjectsSource.Served(Optional.of(root), leaves));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("modules", MODULES);
      data.put("requested", SUBJECTS);
      data.put("permitted", permitted);
      data.put("subjectsRoot", root);
      // A moment after every consent entry so far was written: as the gate's instant follows its
      // snapshot.
      data.put("decidedAt", Instant.now().plusMillis(1).toString());
      return new AuditEvent(
          new AuditEvent.Actor("node-lu", "node"),
          "release.decided",
          new AuditEvent.Subject("release", releaseId),
          data);
    }

    private static String psn(int patient) {
      return String.format("LU-%07d", patient);
    }
  }
}
