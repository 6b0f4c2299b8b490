package eu.clinnova.portal.startup;

import eu.clinnova.portal.config.Settings;
import eu.clinnova.release.AbandonedDecisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks in the log the release decisions whose record never committed (AbandonedDecisions), every
 * {@code CLINNOVA_ABANDONED_CHECK_SECONDS} (60), once they are older than {@code
 * CLINNOVA_ABANDONED_AFTER_SECONDS} (600: longer than any transaction lives, WildFly's default
 * transaction timeout being 300 s), on one instance of the cluster.
 */
@ApplicationScoped
public class AbandonedDecisionWatch extends PeriodicTask {

  private static final Logger LOG = Logger.getLogger(AbandonedDecisionWatch.class.getName());

  @Inject AbandonedDecisions decisions;

  private Duration after;

  public void start() {
    after =
        Duration.ofSeconds(
            Long.parseLong(Settings.value("CLINNOVA_ABANDONED_AFTER_SECONDS", "600")));
    long seconds = Long.parseLong(Settings.value("CLINNOVA_ABANDONED_CHECK_SECONDS", "60"));
    every(seconds, seconds, TimeUnit.SECONDS);
  }

  @Override
  void runOnce() {
    try {
      int marked = decisions.markDecidedBefore(Instant.now().minus(after));
      if (marked > 0) {
        LOG.warning(
            marked
                + " release decision(s) logged without a committed record were marked abandoned"
                + " in the audit log (their nodes were answered 503)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "abandoned release decisions could not be looked for", e);
    }
  }
}
