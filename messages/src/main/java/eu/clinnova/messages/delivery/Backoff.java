package eu.clinnova.messages.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed delivery again: after {@code first}, doubling with each failure, never more
 * than {@code cap} apart, and not after {@code lifetime} from the delivery's creation.
 */
public record Backoff(Duration first, Duration cap, Duration lifetime) {

  /** From ten seconds, doubling, at most two hours apart, for three days. */
  public static final Backoff STANDARD =
      new Backoff(Duration.ofSeconds(10), Duration.ofHours(2), Duration.ofDays(3));

  public Backoff {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || lifetime.isNegative()) {
      throw new IllegalArgumentException("a back-off needs 0 < first <= cap and a lifetime");
    }
  }

  /** The wait after the {@code failures}-th failed attempt (1 for the first). */
  public Duration after(int failures) {
    Duration wait = first;
    for (int i = 1; i < failures && wait.compareTo(cap) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }

  /** The last instant at which a delivery created at {@code created} is still tried. */
  public Instant deadline(Instant created) {
    return created.plus(lifetime);
  }
}
