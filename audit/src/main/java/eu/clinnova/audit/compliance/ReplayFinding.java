package eu.clinnova.audit.compliance;

/**
 * Something the replay reports about a release entry.
 *
 * @param violation true when the log shows a release that broke the rules or stored subjects that
 *     are not those it committed to; false for what cannot be proven (a decision logged before
 *     entries committed to subjects)
 */
public record ReplayFinding(boolean violation, long releaseIndex, String releaseId, String text) {

  @Override
  public String toString() {
    return (violation ? "VIOLATION" : "UNPROVABLE")
        + " at release entry "
        + releaseIndex
        + " ("
        + releaseId
        + "): "
        + text;
  }
}
