package eu.clinnova.audit.compliance;

import eu.clinnova.audit.subjects.SubjectLeaf;
import eu.clinnova.audit.subjects.SubjectTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays the log for compliance. Fed every entry in log order (as the log verifier reads and
 * verifies them), it keeps each subject's consent entries and the release entries; then, for every
 * release, it reads the release's subjects, checks that they are the ones its entry committed to
 * ({@code subjectsRoot}), and that each subject it permitted had every module the entry lists
 * permitted by the consent entries before it in the log.
 *
 * <p>Each subject's entries are kept whole, so that releases can be checked in any order and their
 * subjects read concurrently: a release at index {@code r} decided at {@code t} sees a subject's
 * entries before {@code r} written no later than {@code t}.
 */
public final class ComplianceReplay {

  private final Map<String, SubjectHistory> subjects = new HashMap<>();
  private final List<ReleaseEntry> releases = new ArrayList<>();
  private final Map<String, String> codes = new HashMap<>();
  private long entries;
  private long consentEntries;
  private final List<ReplayFinding> malformed = new ArrayList<>();

  /** Releases the log marks abandoned (release.abandoned): decisions that had no effect. */
  private final java.util.Set<String> abandoned = new java.util.HashSet<>();

  /** The next entry of the log, parsed (a verifier's entry observer: {@code replay::entry}). */
  public void entry(long index, Map<String, Object> leaf) {
    entries++;
    Object action = leaf.get("action");
    if (!(action instanceof String name)) {
      return;
    }
    try {
      switch (name) {
        case "consent.recorded",
            "consent.withdrawn",
            "consent.objected",
            "consent.informed",
            "consent.capacity-regained" -> {
          consent(index, name, leaf);
          consentEntries++;
        }
        case "release.decided" -> releases.add(release(index, leaf));
        case "release.abandoned" ->
            abandoned.add((String) ((Map<?, ?>) leaf.get("subject")).get("id"));
        default -> {}
      }
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      malformed.add(
          new ReplayFinding(
              true, index, "-", "the " + name + " entry lacks what the replay needs: " + e));
    }
  }

  /** Checks every release entry seen, reading up to {@code parallel} releases' subjects at once. */
  public ReplayReport check(ReleaseSubjectsSource source, int parallel) {
    List<ReplayFinding> findings = new ArrayList<>(malformed);
    long checked = 0;
    ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, parallel));
    try {
      List<Future<Checked>> pending = new ArrayList<>(releases.size());
      for (ReleaseEntry release : releases) {
        pending.add(readers.submit(() -> check(release, source)));
      }
      for (int i = 0; i < pending.size(); i++) {
        Checked result;
        try {
          result = pending.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          ReleaseEntry release = releases.get(i);
          result =
              new Checked(
                  0,
                  List.of(
                      new ReplayFinding(
                          true,
                          release.index(),
                          release.releaseId(),
                          "its subjects cannot be read: " + e.getCause().getMessage())));
        }
        checked += result.subjects();
        findings.addAll(result.findings());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while replaying", e);
    } finally {
      readers.shutdownNow();
    }
    findings.sort(Comparator.comparingLong(ReplayFinding::releaseIndex));
    return new ReplayReport(entries, consentEntries, releases.size(), checked, findings);
  }

  private record Checked(long subjects, List<ReplayFinding> findings) {}

  private Checked check(ReleaseEntry release, ReleaseSubjectsSource source) throws Exception {
    if (abandoned.contains(release.releaseId())) {
      return abandonedDecision(release, source);
    }
    List<ReplayFinding> findings = new ArrayList<>();
    if (release.subjectsRoot().isEmpty()) {
      findings.add(
          finding(
              false,
              release,
              "decided before release entries committed to their subjects; only its permitted"
                  + " subjects' digest is in the log"));
      return new Checked(0, findings);
    }
    String logged = release.subjectsRoot().get();
    ReleaseSubjectsSource.Served served = source.subjects(release.releaseId());
    if (!served.subjectsRoot().equals(release.subjectsRoot())) {
      findings.add(
          finding(
              true,
              release,
              "the portal stores subjectsRoot "
                  + served.subjectsRoot().orElse("(none)")
                  + " where the log has "
                  + logged));
    }
    List<SubjectLeaf> leaves = new ArrayList<>(served.leaves().size());
    for (ReleaseSubjectsSource.Leaf leaf : served.leaves()) {
      try {
        leaves.add(SubjectLeaf.parse(Optional.of(leaf.psn()), leaf.bytes()));
      } catch (IllegalArgumentException e) {
        findings.add(finding(true, release, "the leaf of " + leaf.psn() + ": " + e.getMessage()));
      }
    }
    try {
      String root =
          Base64.getEncoder()
              .encodeToString(SubjectTree.ofServed(release.releaseId(), leaves).root());
      if (!root.equals(logged)) {
        findings.add(
            finding(
                true,
                release,
                "the subjects stored for it are not those its entry commits to: they hash to "
                    + root
                    + ", the entry's subjectsRoot is "
                    + logged
                    + " ("
                    + leaves.size()
                    + " stored, "
                    + release.requested()
                    + " requested)"));
      }
    } catch (IllegalArgumentException e) {
      findings.add(finding(true, release, "its subjects as stored: " + e.getMessage()));
    }
    long permitted = leaves.stream().filter(SubjectLeaf::permitted).count();
    if (permitted != release.permitted()) {
      findings.add(
          finding(
              true,
              release,
              permitted
                  + " subjects are stored as permitted, the entry says "
                  + release.permitted()));
    }
    for (SubjectLeaf leaf : leaves) {
      if (leaf.permitted()) {
        checkSubject(release, leaf.psnOrThrow(), findings);
      }
    }
    return new Checked(leaves.size(), findings);
  }

  private void checkSubject(ReleaseEntry release, String psn, List<ReplayFinding> findings) {
    SubjectHistory history = subjects.get(psn);
    for (String module : release.modules()) {
      ModuleVerdict verdict =
          history == null ? ModuleVerdict.none() : history.verdict(module, release);
      if (!verdict.permitted()) {
        findings.add(
            finding(
                true,
                release,
                "permitted "
                    + psn
                    + " without "
                    + module
                    + ": "
                    + verdict.why()
                    + (verdict.decidedBy() >= 0 ? " (entry " + verdict.decidedBy() + ")" : "")));
      }
    }
  }

  /**
   * A decision marked abandoned had no effect only if the portal indeed has no record of it: a
   * release whose subjects can be read was released, and marking it abandoned would hide it.
   */
  private Checked abandonedDecision(ReleaseEntry release, ReleaseSubjectsSource source) {
    try {
      source.subjects(release.releaseId());
    } catch (ReleaseSubjectsSource.NoSuchRelease absent) {
      return new Checked(0, List.of(finding(false, release, ReplayFinding.ABANDONED)));
    } catch (Exception unanswered) {
      return new Checked(
          0,
          List.of(
              finding(
                  true,
                  release,
                  "marked abandoned, but whether it has a record cannot be read: "
                      + unanswered.getMessage())));
    }
    return new Checked(
        0,
        List.of(
            finding(
                true,
                release,
                "the log marks it abandoned, yet the portal stores it as a release: it took"
                    + " effect")));
  }

  private static ReplayFinding finding(boolean violation, ReleaseEntry release, String text) {
    return new ReplayFinding(violation, release.index(), release.releaseId(), text);
  }

  private void consent(long index, String action, Map<String, Object> leaf) {
    Map<?, ?> subject = (Map<?, ?>) leaf.get("subject");
    if (!"patient".equals(subject.get("type"))) {
      return;
    }
    String psn = (String) subject.get("id");
    Map<?, ?> data = (Map<?, ?>) leaf.get("data");
    long time = Instant.parse((String) leaf.get("time")).toEpochMilli();
    Map<String, Boolean> decisions = Map.of();
    Map<String, Long> validUntil = Map.of();
    Set<String> informed = Set.of();
    boolean everything = false;
    switch (action) {
      case "consent.recorded" -> {
        decisions = new HashMap<>();
        for (Map.Entry<?, ?> decision : ((Map<?, ?>) data.get("decisions")).entrySet()) {
          decisions.put(code((String) decision.getKey()), "permit".equals(decision.getValue()));
        }
        if (data.get("validUntil") instanceof Map<?, ?> ends) {
          validUntil = new HashMap<>();
          for (Map.Entry<?, ?> end : ends.entrySet()) {
            validUntil.put(
                code((String) end.getKey()), Instant.parse((String) end.getValue()).toEpochMilli());
          }
        }
      }
      case "consent.capacity-regained" -> {
        // Decides nothing itself; what it does to a representative's permits is in the entry.
      }
      case "consent.informed" -> {
        informed = new HashSet<>();
        if (data.get("modules") instanceof List<?> modules) {
          for (Object module : modules) {
            informed.add(code((String) module));
          }
        }
      }
      default -> {
        List<?> modules = (List<?>) data.get("modules");
        everything = modules.contains("*");
        decisions = new HashMap<>();
        for (Object module : modules) {
          decisions.put(code((String) module), Boolean.FALSE);
        }
      }
    }
    subjects
        .computeIfAbsent(psn, p -> new SubjectHistory())
        .add(
            new ConsentEvent(
                index,
                time,
                action,
                decisions,
                everything,
                validUntil,
                informed,
                data.get("tx") instanceof Number tx ? tx.longValue() : -1,
                data.get("signer") instanceof String signer ? signer : "",
                action.equals("consent.capacity-regained")
                    && "permits-lapse".equals(data.get("representativePermits"))));
  }

  private ReleaseEntry release(long index, Map<String, Object> leaf) {
    Map<?, ?> subject = (Map<?, ?>) leaf.get("subject");
    Map<?, ?> data = (Map<?, ?>) leaf.get("data");
    List<String> modules = new ArrayList<>();
    for (Object module : (List<?>) data.get("modules")) {
      modules.add(code((String) module));
    }
    return new ReleaseEntry(
        index,
        (String) subject.get("id"),
        Instant.parse((String) data.get("decidedAt")).toEpochMilli(),
        modules,
        ((Number) data.get("requested")).longValue(),
        ((Number) data.get("permitted")).longValue(),
        Optional.ofNullable((String) data.get("subjectsRoot")),
        Optional.ofNullable((String) data.get("snapshot")).map(Snapshot::parse));
  }

  /** One instance per module code: a million entries repeat a dozen codes. */
  private String code(String code) {
    return codes.computeIfAbsent(code, c -> c);
  }
}
