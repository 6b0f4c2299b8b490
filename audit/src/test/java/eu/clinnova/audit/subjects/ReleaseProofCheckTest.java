package eu.clinnova.audit.subjects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.CheckpointSigner;
import eu.clinnova.audit.log.LeafEncoding;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A patient's proof checked as the command-line verifier checks it, against a log signed with a
 * real key: included (permitted or denied), not included (between two leaves, before the first,
 * after the last), and every way a forged proof could try to pass.
 */
class ReleaseProofCheckTest {

  private static final String RELEASE = SubjectTreeTest.RELEASE;
  private static final NoteKey KEY = NoteKey.generate("clinnova.test");
  private static final CheckpointSigner SIGNER = new CheckpointSigner("clinnova.test/log", KEY);
  private static final NoteVerifier VERIFIER = NoteVerifier.of(KEY.verifierKey());

  private final Map<String, String> outcomes = new TreeMap<>();

  ReleaseProofCheckTest() {
    for (int i = 0; i < 25; i++) {
      outcomes.put(String.format("LU-%04d", i), i % 4 == 0 ? "consent-withdrawn" : "");
    }
  }

  @Test
  void provesThatTheReleaseIncludedEachOfItsSubjectsWithTheirOutcome() {
    for (String psn : outcomes.keySet()) {
      ReleaseProofCheck.Finding finding =
          ReleaseProofCheck.check(roundTrip(proofFor(psn, 7)), psn, VERIFIER);
      assertTrue(finding.holds(), finding.statement());
      assertEquals(Optional.of(true), finding.included());
      assertEquals(outcomes.get(psn).isEmpty(), finding.leaf().orElseThrow().permitted());
    }
  }

  @Test
  void provesThatTheReleaseDidNotIncludeSomeoneElse() {
    SubjectTree tree = SubjectTreeTest.tree(outcomes);
    List<String> absent = new ArrayList<>();
    boolean first = false;
    boolean last = false;
    for (int i = 0; i < 400 && !(first && last && absent.size() > 20); i++) {
      String psn = String.format("LU-9%03d", i);
      int insertion = -tree.find(psn) - 1;
      first |= insertion == 0;
      last |= insertion == tree.size();
      absent.add(psn);
    }
    assertTrue(first && last, "some absent pseudonyms sort before the first and after the last");
    for (String psn : absent) {
      ReleaseProof proof = roundTrip(proofFor(psn, 7));
      assertFalse(proof.included());
      ReleaseProofCheck.Finding finding = ReleaseProofCheck.check(proof, psn, VERIFIER);
      assertTrue(finding.holds(), finding.statement());
      assertEquals(Optional.of(false), finding.included());
    }
  }

  @Test
  void aProofForSomeoneElseOrAlteredAnywhereDoesNotHold() {
    ReleaseProof included = proofFor("LU-0001", 3);
    ReleaseProof absent = proofFor("LU-9999", 3);
    // Another subject's proof.
    assertFalse(ReleaseProofCheck.check(included, "LU-0002", VERIFIER).holds());
    // Someone included claims to be absent: the neighbours do not enclose them.
    assertFalse(
        ReleaseProofCheck.check(absent, "LU-0001", VERIFIER).holds(),
        "an included subject cannot be proven absent");
    // Another log's key.
    NoteKey other = NoteKey.generate("clinnova.test");
    assertFalse(
        ReleaseProofCheck.check(included, "LU-0001", NoteVerifier.of(other.verifierKey())).holds());
    // A forged leaf: the patient's leaf says permitted where the release denied them.
    ReleaseProof denied = proofFor("LU-0004", 3);
    String forged =
        new String(denied.leaf().orElseThrow().leaf(), StandardCharsets.US_ASCII)
            .replace(
                ",\"outcome\":\"denied\",\"reason\":\"consent-withdrawn\"",
                ",\"outcome\":\"permitted\"");
    ReleaseProof withForgedLeaf =
        new ReleaseProof(
            denied.releaseId(),
            true,
            denied.subjectsRoot(),
            denied.size(),
            Optional.of(
                new ReleaseProof.PathToRoot(
                    forged.getBytes(StandardCharsets.US_ASCII),
                    denied.leaf().orElseThrow().index(),
                    denied.leaf().orElseThrow().hashes())),
            List.of(),
            denied.audit());
    assertFalse(ReleaseProofCheck.check(withForgedLeaf, "LU-0004", VERIFIER).holds());
    // A root the log never saw.
    ReleaseProof otherRoot =
        new ReleaseProof(
            included.releaseId(),
            true,
            Base64.getEncoder().encodeToString(Hashes.emptyRoot()),
            included.size(),
            included.leaf(),
            List.of(),
            included.audit());
    assertFalse(ReleaseProofCheck.check(otherRoot, "LU-0001", VERIFIER).holds());
    // The release entry moved to another index.
    ReleaseProof.Audit audit = included.audit();
    ReleaseProof moved =
        new ReleaseProof(
            included.releaseId(),
            true,
            included.subjectsRoot(),
            included.size(),
            included.leaf(),
            List.of(),
            new ReleaseProof.Audit(
                audit.index() + 1,
                audit.leaf(),
                audit.leafHash(),
                audit.checkpoint(),
                audit.inclusionProof()));
    assertFalse(ReleaseProofCheck.check(moved, "LU-0001", VERIFIER).holds());
    // Only one neighbour where two are needed.
    ReleaseProof oneSided =
        new ReleaseProof(
            absent.releaseId(),
            false,
            absent.subjectsRoot(),
            absent.size(),
            Optional.empty(),
            absent.neighbours().subList(0, 1),
            absent.audit());
    if (absent.neighbours().size() == 2) {
      assertFalse(ReleaseProofCheck.check(oneSided, "LU-9999", VERIFIER).holds());
    }
  }

  /**
   * {@code psn}'s proof, with the release entry at {@code index} of a log of {@code index + 5}
   * entries signed by the test key.
   */
  private ReleaseProof proofFor(String psn, int index) {
    SubjectTree tree = SubjectTreeTest.tree(outcomes);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decision", "partial");
    data.put("requested", tree.size());
    data.put("subjectsRoot", Base64.getEncoder().encodeToString(tree.root()));
    byte[] releaseLeaf =
        LeafEncoding.leaf(
            index,
            Instant.parse("2026-12-04T08:00:00Z"),
            new AuditEvent(
                new AuditEvent.Actor("node-lu", "node"),
                "release.decided",
                new AuditEvent.Subject("release", RELEASE),
                data));
    List<byte[]> log = new ArrayList<>();
    for (int i = 0; i < index + 5; i++) {
      log.add(i == index ? releaseLeaf : CanonicalJson.bytes(Map.of("v", 1, "index", i)));
    }
    String checkpoint = SIGNER.sign(log.size(), NaiveMerkle.root(log));
    return ReleaseProof.of(
        tree,
        psn,
        new ReleaseProof.Audit(
            index,
            releaseLeaf,
            Hashes.leaf(releaseLeaf),
            checkpoint,
            NaiveMerkle.path(index, log)));
  }

  /** Served as JSON and read back, as the command-line verifier reads the downloaded file. */
  private static ReleaseProof roundTrip(ReleaseProof proof) {
    return ReleaseProof.parse(CanonicalJson.string(proof.toJson()));
  }
}
