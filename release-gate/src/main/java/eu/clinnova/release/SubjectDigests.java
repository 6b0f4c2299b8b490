package eu.clinnova.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The contract's digests of one decision's subjects, requested and permitted ({@link
 * ReleaseToken#subjectsSha256}), from one sort of the request. Sorting 10,000 pseudonyms twice was
 * a tenth of a large decision; a large request is now sorted once, on another core, while the gate
 * waits for the database to read the subjects' consent.
 */
final class SubjectDigests {

  /** From this many subjects the sort is worth a hand-over to another thread. */
  static final int IN_BACKGROUND_FROM = 2_000;

  private final String[] sorted;

  private SubjectDigests(List<String> subjects) {
    sorted = subjects.toArray(String[]::new);
    Arrays.sort(sorted);
  }

  /**
   * Sorts {@code subjects}: a large request on the common pool (pure computation on a copy), a
   * small one at once.
   */
  static CompletableFuture<SubjectDigests> of(List<String> subjects) {
    return subjects.size() >= IN_BACKGROUND_FROM
        ? CompletableFuture.supplyAsync(() -> new SubjectDigests(subjects))
        : CompletableFuture.completedFuture(new SubjectDigests(subjects));
  }

  /** Sorts {@code subjects} on this thread. */
  static SubjectDigests sortedNow(List<String> subjects) {
    return new SubjectDigests(subjects);
  }

  /** The digest of every subject asked for. */
  String requested() {
    return sha256(sorted);
  }

  /** The digest of {@code permitted}, a subset of the subjects asked for. */
  String permitted(List<String> permitted) {
    if (permitted.size() == sorted.length) {
      return requested();
    }
    Set<String> included = new HashSet<>(permitted.size() * 4 / 3 + 1);
    included.addAll(permitted);
    return sha256(Arrays.stream(sorted).filter(included::contains).toArray(String[]::new));
  }

  private static String sha256(String[] sorted) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
