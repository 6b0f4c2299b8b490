package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationAttemptsTest {

  @Test
  void fiveWrongCodesStopThatAccountOnly() {
    ActivationAttempts attempts = new ActivationAttempts();
    for (int i = 0; i < ActivationAttempts.MAX_FAILURES; i++) {
      assertTrue(attempts.allow("a"), "attempt " + i);
      attempts.failed("a");
    }
    assertFalse(attempts.allow("a"));
    assertTrue(attempts.allow("b"));
  }
}
