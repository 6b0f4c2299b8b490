package eu.clinnova.audit.verifier;

import java.util.List;

/**
 * What a verification found. {@code problems} is empty when every check passed; {@code checkpoint}
 * is the verified signed note, to be saved for the next run's consistency check.
 */
public record VerificationReport(
    long treeSize,
    String rootHash,
    long entriesChecked,
    int inclusionProofsChecked,
    boolean consistencyChecked,
    String checkpoint,
    List<String> problems) {

  public boolean passed() {
    return problems.isEmpty();
  }
}
