package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActivationAttemptStoreTest {

  private static TestDatabase database;
  private static final Duration HOUR = Duration.ofHours(1);

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  private static int attempt(String sub, Instant at) throws Exception {
    try (Connection connection = database.app().getConnection()) {
      return ActivationAttemptStore.countAttempt(connection, sub, at, HOUR);
    }
  }

  @Test
  void parallelAttemptsAreEachCountedOnce() throws Exception {
    int guesses = 24;
    Instant now = Instant.parse("2026-12-04T10:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        counts.add(
            pool.submit(
                () -> {
                  start.await();
                  return attempt("guesser", now);
                }));
      }
      start.countDown();
      List<Integer> seen = new ArrayList<>();
      for (Future<Integer> count : counts) {
        seen.add(count.get());
      }
      Collections.sort(seen);
      List<Integer> expected = new ArrayList<>();
      for (int i = 1; i <= guesses; i++) {
        expected.add(i);
      }
      assertEquals(expected, seen, "every attempt sees all those before it, none is lost");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCountStartsAgainOnceItsWindowHasPassedAndIsPerAccount() throws Exception {
    Instant first = Instant.parse("2026-12-04T08:00:00Z");
    assertEquals(1, attempt("patient-a", first));
    assertEquals(2, attempt("patient-a", first.plus(Duration.ofMinutes(59))));
    assertEquals(1, attempt("patient-b", first.plus(Duration.ofMinutes(59))));
    assertEquals(1, attempt("patient-a", first.plus(HOUR)), "a new window");
    assertEquals(2, attempt("patient-a", first.plus(HOUR).plusSeconds(1)));
  }

  @Test
  void anAttemptGivenBackDoesNotCount() throws Exception {
    Instant now = Instant.parse("2026-12-04T12:00:00Z");
    assertEquals(1, attempt("patient-c", now));
    try (Connection connection = database.app().getConnection()) {
      ActivationAttemptStore.giveBack(connection, "patient-c");
      ActivationAttemptStore.giveBack(connection, "patient-c");
      ActivationAttemptStore.giveBack(connection, "nobody-yet");
    }
    assertEquals(1, attempt("patient-c", now.plusSeconds(1)), "never below zero");
  }
}
