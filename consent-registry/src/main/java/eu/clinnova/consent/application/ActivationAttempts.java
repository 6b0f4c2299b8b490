package eu.clinnova.consent.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@link #MAX_FAILURES} wrong activation codes per account per hour, so that codes cannot
 * be guessed by trying. Kept in memory: a restart forgives, which is acceptable next to the codes'
 * 59 bits and their expiry.
 */
final class ActivationAttempts {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofHours(1);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  boolean allow(String sub) {
    Deque<Instant> recent = failures.get(sub);
    if (recent == null) {
      return true;
    }
    synchronized (recent) {
      Instant since = clock.instant().minus(WINDOW);
      while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
        recent.pollFirst();
      }
      return recent.size() < MAX_FAILURES;
    }
  }

  void failed(String sub) {
    Deque<Instant> recent = failures.computeIfAbsent(sub, key -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(clock.instant());
    }
  }
}
