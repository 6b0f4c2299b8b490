package eu.clinnova.audit.merkle;

/** Arithmetic on tree sizes. */
final class Sizes {

  private Sizes() {}

  /** The largest power of two strictly smaller than {@code n} (n > 1): RFC 9162's k. */
  static long largestPowerOfTwoBelow(long n) {
    if (n < 2) {
      throw new IllegalArgumentException("no split of a tree of size " + n);
    }
    return Long.highestOneBit(n - 1);
  }
}
