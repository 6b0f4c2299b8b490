package eu.clinnova.audit.compliance;

import java.util.List;

/** What the replay found: counts, and every violation and unprovable release with its entries. */
public record ReplayReport(
    long entries,
    long consentEntries,
    long releaseEntries,
    long subjectsChecked,
    List<ReplayFinding> findings) {

  public List<ReplayFinding> violations() {
    return findings.stream().filter(ReplayFinding::violation).toList();
  }

  public boolean passed() {
    return violations().isEmpty();
  }
}
