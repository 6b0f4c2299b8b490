package eu.clinnova.audit.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.subjects.SubjectCommitments;
import eu.clinnova.audit.subjects.SubjectLeaf;
import eu.clinnova.audit.subjects.SubjectTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replay over hand-made logs: what it must pass, and each kind of violation it must report. */
class ComplianceReplayTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final ComplianceReplay replay = new ComplianceReplay();
  private final Map<String, ReleaseSubjectsSource.Served> stored = new HashMap<>();
  private long index;

  @Test
  void aReleaseOfSubjectsWhoConsentedToEveryModulePasses() {
    recorded("LU-0001", 1, Map.of("CLINICAL-DATA", "permit", "AI-TRAINING", "permit"));
    recorded("LU-0002", 2, Map.of("CLINICAL-DATA", "permit", "AI-TRAINING", "deny"));
    release(
        "r1",
        10,
        List.of("CLINICAL-DATA", "AI-TRAINING"),
        Map.of("LU-0001", "", "LU-0002", "consent-missing"));
    ReplayReport report = replay.check(stored::get, 2);
    assertTrue(report.passed(), report.findings().toString());
    assertEquals(2, report.subjectsChecked());
    assertEquals(1, report.releaseEntries());
  }

  @Test
  void aSubjectPermittedAfterTheyWithdrewIsAViolationNamingTheEntry() {
    recorded("LU-0001", 1, Map.of("CLINICAL-DATA", "permit", "AI-TRAINING", "permit"));
    long withdrawal = withdrawn("LU-0001", 5, List.of("AI-TRAINING"));
    release("r1", 10, List.of("CLINICAL-DATA", "AI-TRAINING"), Map.of("LU-0001", ""));
    ReplayReport report = replay.check(stored::get, 1);
    assertFalse(report.passed());
    String text = report.violations().get(0).toString();
    assertTrue(text.contains("LU-0001") && text.contains("AI-TRAINING"), text);
    assertTrue(text.contains("(entry " + withdrawal + ")"), text);
  }

  @Test
  void aWithdrawalWrittenAfterTheDecisionButLoggedBeforeItWasNotSeenByTheGate() {
    recorded("LU-0001", 1, Map.of("CLINICAL-DATA", "permit"));
    withdrawn("LU-0001", 11, List.of("*")); // written at +11 s, committed after the snapshot
    release("r1", 10, List.of("CLINICAL-DATA"), Map.of("LU-0001", ""));
    assertTrue(replay.check(stored::get, 1).passed());
  }

  @Test
  void theDecisionsSnapshotSaysWhichChangesItSawWhateverTheirTimes() {
    replay.entry(
        index++,
        entry(
            "consent.recorded",
            "patient",
            "LU-0001",
            1,
            Map.of("decisions", Map.of("CLINICAL-DATA", "permit"), "tx", 100L)));
    replay.entry(
        index++,
        entry(
            "consent.recorded",
            "patient",
            "LU-0002",
            1,
            Map.of("decisions", Map.of("CLINICAL-DATA", "permit"), "tx", 101L)));
    // Both written before the decision's instant and logged before it; transaction 205 was still
    // committing when the gate took its snapshot, transaction 150 had committed.
    replay.entry(
        index++,
        entry(
            "consent.withdrawn",
            "patient",
            "LU-0001",
            9,
            Map.of("modules", List.of("*"), "tx", 205L)));
    long seen = index;
    replay.entry(
        index++,
        entry(
            "consent.withdrawn",
            "patient",
            "LU-0002",
            9,
            Map.of("modules", List.of("*"), "tx", 150L)));
    Map<String, String> outcomes = Map.of("LU-0001", "", "LU-0002", "");
    List<ReleaseSubjectsSource.Leaf> leaves = leaves("r1", outcomes);
    List<SubjectLeaf> parsed = new ArrayList<>();
    leaves.forEach(leaf -> parsed.add(SubjectLeaf.parse(Optional.of(leaf.psn()), leaf.bytes())));
    String root = Base64.getEncoder().encodeToString(SubjectTree.ofServed("r1", parsed).root());
    Map<String, Object> data = releaseData(List.of("CLINICAL-DATA"), 2, 2, root, 10);
    data.put("snapshot", "140:210:205,207");
    replay.entry(index++, entry("release.decided", "release", "r1", 10, data));
    stored.put("r1", new ReleaseSubjectsSource.Served(Optional.of(root), leaves));

    List<ReplayFinding> violations = replay.check(stored::get, 1).violations();
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(violations.get(0).text().contains("permitted LU-0002"), violations.toString());
    assertTrue(violations.get(0).text().contains("(entry " + seen + ")"), violations.toString());
  }

  @Test
  void aRepresentativesPermitAfterThePatientRegainedCapacityIsAViolation() {
    Map<String, Object> byRepresentative = new HashMap<>();
    byRepresentative.put("decisions", Map.of("CLINICAL-DATA", "permit"));
    byRepresentative.put("signer", "representative");
    replay.entry(index++, entry("consent.recorded", "patient", "CH-0001", 1, byRepresentative));
    replay.entry(index++, entry("consent.recorded", "patient", "CH-0002", 1, byRepresentative));
    long regained = index;
    replay.entry(
        index++,
        entry(
            "consent.capacity-regained",
            "patient",
            "CH-0001",
            3,
            Map.of("representativePermits", "permits-lapse")));
    release("r1", 10, List.of("CLINICAL-DATA"), Map.of("CH-0001", "", "CH-0002", ""));
    List<ReplayFinding> violations = replay.check(stored::get, 1).violations();
    assertEquals(1, violations.size(), violations.toString());
    assertTrue(
        violations.get(0).text().contains("permitted CH-0001")
            && violations.get(0).text().contains("(entry " + regained + ")"),
        violations.toString());
  }

  @Test
  void aConsentEntryMissingFromTheLogLeavesTheReleaseUnfounded() {
    release("r1", 10, List.of("CLINICAL-DATA"), Map.of("LU-0001", ""));
    ReplayReport report = replay.check(stored::get, 1);
    assertEquals(1, report.violations().size());
    assertTrue(report.violations().get(0).text().contains("no consent entry permits it"));
  }

  @Test
  void aSubjectAddedToTheStoredReleaseIsReported() {
    recorded("LU-0001", 1, Map.of("CLINICAL-DATA", "permit"));
    release("r1", 10, List.of("CLINICAL-DATA"), Map.of("LU-0001", ""));
    // A superuser adds LU-0666 to the release's stored subjects.
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("LU-0001", "");
    forged.put("LU-0666", "");
    ReleaseSubjectsSource.Served original = stored.get("r1");
    stored.put(
        "r1", new ReleaseSubjectsSource.Served(original.subjectsRoot(), leaves("r1", forged)));
    ReplayReport report = replay.check(stored::get, 1);
    List<String> texts = report.violations().stream().map(ReplayFinding::text).toList();
    assertTrue(
        texts.stream().anyMatch(t -> t.contains("not those its entry commits to")),
        texts.toString());
    assertTrue(
        texts.stream().anyMatch(t -> t.contains("permitted LU-0666 without CLINICAL-DATA")),
        texts.toString());
  }

  @Test
  void anExpiredPermitAndAnObjectionAfterInformationAreViolations() {
    Map<String, Object> decisions = Map.of("CLINICAL-DATA", "permit");
    recorded("DE-0001", 1, decisions, Map.of("CLINICAL-DATA", T0.plusSeconds(5).toString()));
    informed("FR-0001", 1, List.of("CLINICAL-DATA", "BROAD-HEALTH"));
    informed("FR-0002", 1, List.of("CLINICAL-DATA", "BROAD-HEALTH"));
    withdrawn("FR-0002", 2, List.of("*"));
    release(
        "r1", 10, List.of("CLINICAL-DATA"), Map.of("DE-0001", "", "FR-0001", "", "FR-0002", ""));
    List<String> texts =
        replay.check(stored::get, 1).violations().stream().map(ReplayFinding::text).toList();
    assertEquals(2, texts.size(), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.contains("DE-0001") && t.contains("ended")));
    assertTrue(texts.stream().anyMatch(t -> t.contains("FR-0002")));
  }

  @Test
  void aReleaseLoggedBeforeSubjectTreesIsUnprovableNotAViolation() {
    Map<String, Object> data = releaseData(List.of("CLINICAL-DATA"), 1, 1, null, 10);
    replay.entry(index++, entry("release.decided", "release", "old", 10, data));
    ReplayReport report = replay.check(stored::get, 1);
    assertTrue(report.passed());
    assertEquals(1, report.findings().size());
  }

  @Test
  void aDecisionMarkedAbandonedWhoseRecordNeverExistedHadNoEffect() {
    recorded("LU-0001", 1, Map.of("CLINICAL-DATA", "permit"));
    release("lost", 10, List.of("CLINICAL-DATA"), Map.of("LU-0001", ""));
    // The database went away after the log took the decision: its record never committed.
    stored.remove("lost");
    abandoned("lost", 700);
    ReplayReport report = replay.check(this::servedOrAbsent, 1);
    assertTrue(report.passed(), report.findings().toString());
    assertEquals(ReplayFinding.ABANDONED, report.findings().get(0).text());
    assertTrue(report.findings().get(0).toString().startsWith("NO EFFECT"));
  }

  @Test
  void aDecisionMarkedAbandonedThatThePortalStoresIsAViolation() {
    recorded("LU-0001", 1, Map.of("CLINICAL-DATA", "permit"));
    release("kept", 10, List.of("CLINICAL-DATA"), Map.of("LU-0001", ""));
    abandoned("kept", 700);
    ReplayReport report = replay.check(this::servedOrAbsent, 1);
    assertFalse(report.passed());
    assertTrue(report.violations().get(0).text().contains("took effect"));
  }

  @Test
  void aLoggedDecisionWithoutARecordOrAMarkIsAViolation() {
    recorded("LU-0001", 1, Map.of("CLINICAL-DATA", "permit"));
    release("missing", 10, List.of("CLINICAL-DATA"), Map.of("LU-0001", ""));
    stored.remove("missing");
    ReplayReport report = replay.check(this::servedOrAbsent, 1);
    assertFalse(report.passed());
  }

  private ReleaseSubjectsSource.Served servedOrAbsent(String releaseId)
      throws ReleaseSubjectsSource.NoSuchRelease {
    ReleaseSubjectsSource.Served served = stored.get(releaseId);
    if (served == null) {
      throw new ReleaseSubjectsSource.NoSuchRelease(releaseId);
    }
    return served;
  }

  private void abandoned(String id, int second) {
    replay.entry(
        index++,
        entry(
            "release.abandoned",
            "release",
            id,
            second,
            Map.of("decidedIndex", 1, "reason", "record-not-committed")));
  }

  private void recorded(String psn, int second, Map<String, Object> decisions) {
    recorded(psn, second, decisions, null);
  }

  private void recorded(
      String psn, int second, Map<String, Object> decisions, Map<String, Object> validUntil) {
    Map<String, Object> data = new HashMap<>();
    data.put("decisions", decisions);
    if (validUntil != null) {
      data.put("validUntil", validUntil);
    }
    replay.entry(index++, entry("consent.recorded", "patient", psn, second, data));
  }

  private long withdrawn(String psn, int second, List<String> modules) {
    long at = index++;
    replay.entry(
        at, entry("consent.withdrawn", "patient", psn, second, Map.of("modules", modules)));
    return at;
  }

  private void informed(String psn, int second, List<String> modules) {
    replay.entry(
        index++, entry("consent.informed", "patient", psn, second, Map.of("modules", modules)));
  }

  /** A release decided at {@code second} of the subjects {@code outcomes} (psn to reason). */
  private void release(String id, int second, List<String> modules, Map<String, String> outcomes) {
    List<ReleaseSubjectsSource.Leaf> leaves = leaves(id, outcomes);
    List<SubjectLeaf> parsed = new ArrayList<>();
    leaves.forEach(leaf -> parsed.add(SubjectLeaf.parse(Optional.of(leaf.psn()), leaf.bytes())));
    String root = Base64.getEncoder().encodeToString(SubjectTree.ofServed(id, parsed).root());
    long permitted = outcomes.values().stream().filter(String::isEmpty).count();
    replay.entry(
        index++,
        entry(
            "release.decided",
            "release",
            id,
            second,
            releaseData(modules, outcomes.size(), permitted, root, second)));
    stored.put(id, new ReleaseSubjectsSource.Served(Optional.of(root), leaves));
  }

  private static Map<String, Object> releaseData(
      List<String> modules, long requested, long permitted, String root, int second) {
    Map<String, Object> data = new HashMap<>();
    data.put("modules", modules);
    data.put("requested", requested);
    data.put("permitted", permitted);
    data.put("decidedAt", T0.plusSeconds(second).toString());
    if (root != null) {
      data.put("subjectsRoot", root);
    }
    return data;
  }

  private static List<ReleaseSubjectsSource.Leaf> leaves(String id, Map<String, String> outcomes) {
    SubjectTree tree =
        SubjectTree.of(
            SubjectCommitments.of(id, outcomes.keySet()),
            psn -> outcomes.get(psn).isEmpty() ? null : outcomes.get(psn));
    List<ReleaseSubjectsSource.Leaf> leaves = new ArrayList<>();
    for (SubjectLeaf leaf : tree.leaves()) {
      leaves.add(new ReleaseSubjectsSource.Leaf(leaf.psnOrThrow(), leaf.bytes()));
    }
    return leaves;
  }

  private static Map<String, Object> entry(
      String action, String type, String id, int second, Map<String, Object> data) {
    return Map.of(
        "action",
        action,
        "time",
        T0.plusSeconds(second).toString(),
        "subject",
        Map.of("type", type, "id", id),
        "data",
        data);
  }
}
