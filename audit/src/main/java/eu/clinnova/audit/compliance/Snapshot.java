package eu.clinnova.audit.compliance;

import java.util.HashSet;
import java.util.Set;

/**
 * The database snapshot a release decision read, as its entry states it (PostgreSQL's {@code
 * pg_snapshot} text, {@code xmin:xmax:xip,...}): which transactions' changes it saw. A consent
 * entry names its transaction; the decision saw it exactly when that transaction had committed when
 * the snapshot was taken.
 */
record Snapshot(long xmin, long xmax, Set<Long> inProgress) {

  static Snapshot parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a snapshot: " + text);
    }
    Set<Long> inProgress = new HashSet<>();
    if (!parts[2].isEmpty()) {
      for (String xid : parts[2].split(",")) {
        inProgress.add(Long.parseLong(xid));
      }
    }
    return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), inProgress);
  }

  /** Whether transaction {@code xid}'s changes were visible to this snapshot. */
  boolean sees(long xid) {
    return xid < xmin || (xid < xmax && !inProgress.contains(xid));
  }
}
