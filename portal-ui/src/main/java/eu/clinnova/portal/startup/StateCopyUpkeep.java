package eu.clinnova.portal.startup;

import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.portal.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the release gate's copy of the patients' consent states up to date (ADR 0015): read whole
 * once after the start, then brought forward every {@code CLINNOVA_STATE_COPY_MILLIS} (1,000 by
 * default) with the rows written since. {@code CLINNOVA_STATE_COPY_PATIENTS} bounds the registry it
 * copies (by default as many patients as 40% of the heap holds at 300 bytes each: 1.4 million per
 * GB); 0 turns the copy off.
 */
@ApplicationScoped
public class StateCopyUpkeep extends PeriodicTask {

  private static final Logger LOG = Logger.getLogger(StateCopyUpkeep.class.getName());
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(10);

  @Inject ConsentQueries queries;

  private int capacity;
  private long lastWarning = System.nanoTime() - WARNING_INTERVAL_NANOS;

  public void start() {
    long byHeap = Runtime.getRuntime().maxMemory() * 2 / 5 / 300;
    capacity =
        Integer.parseInt(
            Settings.value(
                "CLINNOVA_STATE_COPY_PATIENTS",
                String.valueOf(Math.min(Integer.MAX_VALUE, byHeap))));
    long millis = Long.parseLong(Settings.value("CLINNOVA_STATE_COPY_MILLIS", "1000"));
    every(0, millis, TimeUnit.MILLISECONDS);
  }

  /** Each instance's release gate reads its own copy: every instance keeps its own up to date. */
  @Override
  boolean oncePerCluster() {
    return false;
  }

  @Override
  void runOnce() {
    try {
      queries.refreshStateCopy(capacity);
    } catch (RuntimeException e) {
      // Decisions stay exact without a fresh copy (they read what it lacks from the table), only
      // slower; an operator hears of it once in ten minutes, not every second.
      long now = System.nanoTime();
      boolean warn = now - lastWarning >= WARNING_INTERVAL_NANOS;
      if (warn) {
        lastWarning = now;
      }
      LOG.log(
          warn ? Level.WARNING : Level.FINE, "the consent state copy could not be refreshed", e);
    }
  }
}
