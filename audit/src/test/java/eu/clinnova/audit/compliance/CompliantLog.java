package eu.clinnova.audit.compliance;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.subjects.SubjectCommitments;
import eu.clinnova.audit.subjects.SubjectLeaf;
import eu.clinnova.audit.subjects.SubjectTree;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compliant log for the replay's benchmarks, generated entry by entry in log order: patients'
 * consent entries (recorded, withdrawn), other entries between them, and every {@code releaseEvery}
 * entries a release of {@code subjects} random patients, each permitted exactly when the consent
 * entries so far permit the modules it needs, with its subject tree. The replay of such a log must
 * find nothing. Shared by the audit module's benchmark (log in the database, subjects from memory)
 * and the deployment's (the same log through the running portal's API).
 */
public final class CompliantLog {

  public static final List<String> MODULES = List.of("AI-TRAINING", "CLINICAL-DATA");

  /** A release as the gate would have stored it: its subjects by outcome. */
  public record Release(
      String id,
      String root,
      Instant decidedAt,
      List<String> permitted,
      List<String> denied,
      List<ReleaseSubjectsSource.Leaf> leaves) {

    /** Why the denied subjects were denied: they had not permitted every module. */
    public static final String DENIAL_REASON = "consent-missing";
  }

  private final int patients;
  private final int releaseEvery;
  private final int subjects;
  private final Random random = new Random(17);
  private final boolean[][] permits;
  private final Map<String, Release> releases = new ConcurrentHashMap<>();
  private long consents;

  public CompliantLog(int patients, int releaseEvery, int subjects) {
    this.patients = patients;
    this.releaseEvery = releaseEvery;
    this.subjects = subjects;
    this.permits = new boolean[patients][MODULES.size()];
  }

  /** The log's entry number {@code n}; called with 0, 1, 2, ... in order. */
  public AuditEvent event(long n) {
    if (n % releaseEvery == releaseEvery - 1) {
      return release(n);
    }
    int kind = random.nextInt(100);
    int patient = random.nextInt(patients);
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
              "modules", everything ? List.of("*") : List.of("AI-TRAINING"), "recordId", "r" + n));
    }
    return new AuditEvent(
        new AuditEvent.Actor("dac-lu", "dac-member"),
        "application.viewed",
        new AuditEvent.Subject("application", "app-" + (n % 5000)),
        Map.of("view", "file"));
  }

  /** How many consent entries were generated so far. */
  public long consents() {
    return consents;
  }

  /** The releases generated so far, by id. */
  public Map<String, Release> releases() {
    return releases;
  }

  /** What {@code GET /releases/{id}/subjects} serves for the releases generated so far. */
  public ReleaseSubjectsSource.Served served(String releaseId) {
    Release release = releases.get(releaseId);
    return new ReleaseSubjectsSource.Served(Optional.of(release.root()), release.leaves());
  }

  private AuditEvent consent(String action, int patient, Map<String, Object> data) {
    return new AuditEvent(
        new AuditEvent.Actor("steward-lu", "data-steward"),
        action,
        new AuditEvent.Subject("patient", psn(patient)),
        data);
  }

  private AuditEvent release(long n) {
    String releaseId = new UUID(n, ~n).toString();
    Set<Integer> chosen = new LinkedHashSet<>();
    while (chosen.size() < subjects) {
      chosen.add(random.nextInt(patients));
    }
    Map<String, String> reasons = new HashMap<>();
    List<String> psns = new ArrayList<>();
    List<String> permitted = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    for (int patient : chosen) {
      String psn = psn(patient);
      psns.add(psn);
      if (permits[patient][0] && permits[patient][1]) {
        permitted.add(psn);
      } else {
        denied.add(psn);
        reasons.put(psn, Release.DENIAL_REASON);
      }
    }
    SubjectTree tree = SubjectTree.of(SubjectCommitments.of(releaseId, psns), reasons::get);
    String root = Base64.getEncoder().encodeToString(tree.root());
    List<ReleaseSubjectsSource.Leaf> leaves = new ArrayList<>();
    for (SubjectLeaf leaf : tree.leaves()) {
      leaves.add(new ReleaseSubjectsSource.Leaf(leaf.psnOrThrow(), leaf.bytes()));
    }
    // A moment after every consent entry so far was written: as the gate's instant follows its
    // snapshot.
    Instant decidedAt = Instant.now().plusMillis(1);
    releases.put(releaseId, new Release(releaseId, root, decidedAt, permitted, denied, leaves));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("modules", MODULES);
    data.put("requested", subjects);
    data.put("permitted", permitted.size());
    data.put("subjectsRoot", root);
    data.put("decidedAt", decidedAt.toString());
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
