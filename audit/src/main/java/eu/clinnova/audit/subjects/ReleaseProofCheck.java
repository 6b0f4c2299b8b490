package eu.clinnova.audit.subjects;

import eu.clinnova.audit.canonical.JsonReader;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteException;
import eu.clinnova.audit.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a {@link ReleaseProof} for one pseudonym with nothing but the log's verifier key: the
 * checkpoint is signed by the log; the release entry is in it; the entry is the release's decision
 * and commits to {@code subjectsRoot} over {@code size} subjects; and either the subject's own leaf
 * is in that tree, or two adjacent leaves (one at either end) bracket where it would be.
 */
public final class ReleaseProofCheck {

  /** What the proof shows, if it holds. */
  public record Finding(
      boolean holds,
      String statement,
      Optional<Boolean> included,
      Optional<SubjectLeaf> leaf,
      Optional<Checkpoint> checkpoint) {

    static Finding fails(String why) {
      return new Finding(false, why, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  private ReleaseProofCheck() {}

  public static Finding check(ReleaseProof proof, String psn, NoteVerifier logKey) {
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.verify(proof.audit().checkpoint(), logKey);
    } catch (NoteException | IllegalArgumentException e) {
      return Finding.fails("the checkpoint is not signed by the log's key: " + e.getMessage());
    }
    ReleaseProof.Audit audit = proof.audit();
    if (!MessageDigest.isEqual(Hashes.leaf(audit.leaf()), audit.leafHash())) {
      return Finding.fails("the release entry's bytes do not hash to its leaf hash");
    }
    if (!ProofVerifier.verifyInclusion(
        audit.index(),
        checkpoint.size(),
        audit.leafHash(),
        audit.inclusionProof(),
        checkpoint.rootHash())) {
      return Finding.fails(
          "the release entry is not at index "
              + audit.index()
              + " of the log's signed tree of size "
              + checkpoint.size());
    }
    Optional<String> entryProblem = entryCommitsTo(proof, audit.leaf());
    if (entryProblem.isPresent()) {
      return Finding.fails(entryProblem.get());
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(proof.subjectsRoot());
    } catch (IllegalArgumentException e) {
      return Finding.fails("subjectsRoot is not base64");
    }
    byte[] commitment = SubjectCommitments.commitment(proof.releaseId(), psn);
    return proof.included()
        ? included(proof, psn, commitment, root, checkpoint)
        : excluded(proof, psn, commitment, root, checkpoint);
  }

  /** The entry is the release's decision, with this root over this many subjects. */
  private static Optional<String> entryCommitsTo(ReleaseProof proof, byte[] leafBytes) {
    Map<String, Object> entry;
    try {
      Object parsed = JsonReader.parseCanonical(new String(leafBytes, StandardCharsets.UTF_8));
      if (!(parsed instanceof Map<?, ?>)) {
        return Optional.of("the release entry is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) parsed;
      entry = object;
    } catch (RuntimeException e) {
      return Optional.of("the release entry is not canonical JSON: " + e.getMessage());
    }
    Map<?, ?> subject = entry.get("subject") instanceof Map<?, ?> s ? s : Map.of();
    Map<?, ?> data = entry.get("data") instanceof Map<?, ?> d ? d : Map.of();
    if (!"release.decided".equals(entry.get("action"))
        || !"release".equals(subject.get("type"))
        || !proof.releaseId().equals(subject.get("id"))) {
      return Optional.of("the log entry is not the decision of release " + proof.releaseId());
    }
    if (!proof.subjectsRoot().equals(data.get("subjectsRoot"))) {
      return Optional.of("the release entry commits to another subjectsRoot");
    }
    if (!(data.get("requested") instanceof Number requested)
        || requested.longValue() != proof.size()) {
      return Optional.of("the release entry was asked for another number of subjects");
    }
    return Optional.empty();
  }

  private static Finding included(
      ReleaseProof proof, String psn, byte[] commitment, byte[] root, Checkpoint checkpoint) {
    ReleaseProof.PathToRoot path = proof.leaf().orElseThrow();
    SubjectLeaf leaf;
    try {
      leaf = SubjectLeaf.parse(Optional.of(psn), path.leaf());
    } catch (IllegalArgumentException e) {
      return Finding.fails(e.getMessage());
    }
    if (!Arrays.equals(leaf.commitment(), commitment)) {
      return Finding.fails("the leaf is not " + psn + "'s commitment to this release");
    }
    if (!ProofVerifier.verifyInclusion(
        path.index(), proof.size(), Hashes.leaf(path.leaf()), path.hashes(), root)) {
      return Finding.fails("the leaf is not at index " + path.index() + " of the subject tree");
    }
    return new Finding(
        true,
        "release "
            + proof.releaseId()
            + " included "
            + psn
            + ": "
            + (leaf.permitted() ? "permitted" : "denied (" + leaf.reason().orElseThrow() + ")"),
        Optional.of(true),
        Optional.of(leaf),
        Optional.of(checkpoint));
  }

  private static Finding excluded(
      ReleaseProof proof, String psn, byte[] commitment, byte[] root, Checkpoint checkpoint) {
    List<ReleaseProof.PathToRoot> around = proof.neighbours();
    if (around.isEmpty() || around.size() > 2) {
      return Finding.fails("a proof of absence shows one or two neighbouring leaves");
    }
    SubjectLeaf[] leaves = new SubjectLeaf[around.size()];
    for (int i = 0; i < around.size(); i++) {
      ReleaseProof.PathToRoot neighbour = around.get(i);
      try {
        leaves[i] = SubjectLeaf.parse(Optional.empty(), neighbour.leaf());
      } catch (IllegalArgumentException e) {
        return Finding.fails(e.getMessage());
      }
      if (!ProofVerifier.verifyInclusion(
          neighbour.index(),
          proof.size(),
          Hashes.leaf(neighbour.leaf()),
          neighbour.hashes(),
          root)) {
        return Finding.fails("a neighbouring leaf is not at its index in the subject tree");
      }
    }
    boolean bracketed;
    if (around.size() == 2) {
      bracketed =
          around.get(1).index() == around.get(0).index() + 1
              && Arrays.compareUnsigned(leaves[0].commitment(), commitment) < 0
              && Arrays.compareUnsigned(commitment, leaves[1].commitment()) < 0;
    } else {
      long index = around.get(0).index();
      int order = Arrays.compareUnsigned(commitment, leaves[0].commitment());
      bracketed = (index == 0 && order < 0) || (index == proof.size() - 1 && order > 0);
    }
    if (!bracketed) {
      return Finding.fails("the neighbouring leaves do not enclose where " + psn + " would be");
    }
    return new Finding(
        true,
        "release " + proof.releaseId() + " did not include " + psn,
        Optional.of(false),
        Optional.empty(),
        Optional.of(checkpoint));
  }
}
