package eu.clinnova.audit.subjects;

import eu.clinnova.audit.merkle.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;

/**
 * A release's subjects with their commitments, in commitment order: what the subject tree needs
 * before the outcomes are known. The release gate computes them on another core while it reads the
 * subjects' consent, so that a large decision waits only for the leaves' hashes.
 */
public final class SubjectCommitments {

  private final String releaseId;
  private final String[] psns;
  private final byte[][] commitments;

  private SubjectCommitments(String releaseId, String[] psns, byte[][] commitments) {
    this.releaseId = releaseId;
    this.psns = psns;
    this.commitments = commitments;
  }

  /** The commitments of {@code psns} (distinct) to {@code releaseId}, sorted. */
  public static SubjectCommitments of(String releaseId, Collection<String> psns) {
    MessageDigest digest = Hashes.sha256();
    Committed[] committed = new Committed[psns.size()];
    int i = 0;
    for (String psn : psns) {
      committed[i++] = new Committed(psn, commitment(digest, releaseId, psn));
    }
    Arrays.sort(committed, (a, b) -> Arrays.compareUnsigned(a.commitment, b.commitment));
    String[] sortedPsns = new String[committed.length];
    byte[][] sortedCommitments = new byte[committed.length][];
    for (int j = 0; j < committed.length; j++) {
      sortedPsns[j] = committed[j].psn;
      sortedCommitments[j] = committed[j].commitment;
    }
    return new SubjectCommitments(releaseId, sortedPsns, sortedCommitments);
  }

  /** SHA-256 of the UTF-8 bytes of {@code releaseId + "\n" + psn}. */
  public static byte[] commitment(String releaseId, String psn) {
    return commitment(Hashes.sha256(), releaseId, psn);
  }

  private static byte[] commitment(MessageDigest digest, String releaseId, String psn) {
    return digest.digest((releaseId + "\n" + psn).getBytes(StandardCharsets.UTF_8));
  }

  public String releaseId() {
    return releaseId;
  }

  public int size() {
    return psns.length;
  }

  String psn(int index) {
    return psns[index];
  }

  byte[] commitment(int index) {
    return commitments[index];
  }

  private record Committed(String psn, byte[] commitment) {}
}
