package eu.clinnova.portal.startup;

import eu.clinnova.consent.application.DisclosureIndex;
import eu.clinnova.portal.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Merges the disclosures' pending index entries every {@code CLINNOVA_DISCLOSURE_INDEX_SECONDS} (5
 * by default), so that release decisions never do it in their own transaction (ADR 0013).
 */
@ApplicationScoped
public class DisclosureIndexUpkeep extends PeriodicTask {

  private static final Logger LOG = Logger.getLogger(DisclosureIndexUpkeep.class.getName());

  @Inject DisclosureIndex index;

  public void start() {
    long seconds = Long.parseLong(Settings.value("CLINNOVA_DISCLOSURE_INDEX_SECONDS", "5"));
    every(seconds, seconds, TimeUnit.SECONDS);
  }

  @Override
  void runOnce() {
    try {
      index.merge();
    } catch (RuntimeException e) {
      // Nothing is lost: entries stay pending (and found) until the next merge, or the next
      // insert past the limit merges them itself.
      LOG.log(Level.WARNING, "the disclosure index could not be merged", e);
    }
  }
}
