package eu.clinnova.audit.compliance;

/**
 * Something the replay reports about a release entry.
 *
 * @param violation true when the log shows a release that broke the rules or stored subjects that
 *     are not those it committed to; false for what cannot be proven (a decision logged before
 *     entries committed to subjects) or what had no effect (a decision abandoned: {@link
 *     #ABANDONED})
 */
public record ReplayFinding(boolean violation, long releaseIndex, String releaseId, String text) {

  /** The text of a decision that the log marks abandoned and whose record indeed never existed. */
  public static final String ABANDONED =
      "abandoned: the decision's record was never committed (its node was answered 503 and given"
          + " no token); the log marks it release.abandoned and the portal has no such release";

  @Override
  public String toString() {
    return (violation ? "VIOLATION" : ABANDONED.equals(text) ? "NO EFFECT" : "UNPROVABLE")
        + " at release entry "
        + releaseIndex
        + " ("
        + releaseId
        + "): "
        + text;
  }
}
