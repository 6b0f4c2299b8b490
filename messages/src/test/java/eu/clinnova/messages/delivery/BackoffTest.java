package eu.clinnova.messages.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void theWaitDoublesFromSecondsAndStopsAtItsCap() {
    Backoff standard = Backoff.STANDARD;
    assertEquals(Duration.ofSeconds(10), standard.after(1));
    assertEquals(Duration.ofSeconds(20), standard.after(2));
    assertEquals(Duration.ofSeconds(40), standard.after(3));
    assertEquals(Duration.ofSeconds(10 * 512), standard.after(10));
    assertEquals(Duration.ofHours(2), standard.after(11));
    assertEquals(Duration.ofHours(2), standard.after(1_000));
    assertEquals(
        Instant.parse("2026-12-08T08:00:00Z"),
        standard.deadline(Instant.parse("2026-12-05T08:00:00Z")));
  }

  @Test
  void aCapBelowTheFirstWaitIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(1)));
  }
}
