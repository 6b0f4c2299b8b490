package eu.clinnova.consent.infrastructure;

import java.util.Arrays;

/**
 * A PostgreSQL snapshot as {@code pg_current_snapshot()} spells it ({@code xmin:xmax:xip,...}):
 * which transactions' writes a transaction sees. A transaction is seen if it committed and is below
 * {@code xmax} and not among the in-progress ones listed; everything below {@code xmin} had
 * finished.
 */
record TransactionSnapshot(long xmin, long xmax, long[] inProgress, String text) {

  /** Parses PostgreSQL's text form; anything else is an error, not a guess. */
  static TransactionSnapshot parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a snapshot: " + text);
    }
    long xmin = Long.parseUnsignedLong(parts[0]);
    long xmax = Long.parseUnsignedLong(parts[1]);
    long[] inProgress =
        parts[2].isEmpty()
            ? new long[0]
            : Arrays.stream(parts[2].split(",", -1)).mapToLong(Long::parseUnsignedLong).toArray();
    Arrays.sort(inProgress);
    if (xmin > xmax || (inProgress.length > 0 && inProgress[0] < xmin)) {
      throw new IllegalArgumentException("not a snapshot: " + text);
    }
    return new TransactionSnapshot(xmin, xmax, inProgress, text);
  }

  /**
   * Whether every transaction this snapshot sees is seen by {@code later} too: then the state this
   * snapshot shows, plus the writes {@code later} sees and this one does not, is the state {@code
   * later} shows. A snapshot taken after this one was is always such; one taken before may not be.
   */
  boolean seenBy(TransactionSnapshot later) {
    if (later.xmax < xmax) {
      return false;
    }
    // A transaction this snapshot may see (below its xmax and not in progress here) must not be
    // in progress in the later one.
    for (long running : later.inProgress) {
      if (running >= xmax) {
        break;
      }
      if (Arrays.binarySearch(inProgress, running) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TransactionSnapshot that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
