package eu.clinnova.portal.startup;

import eu.clinnova.portal.config.Settings;
import eu.clinnova.release.ReleaseSigning;
import eu.clinnova.workflow.entitlement.Entitlements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rotates the release signing key when due, records entitlements that lapsed (expired, or suspended
 * when their ethics approval ended) and warns holders 30 and 7 days before their access ends, every
 * {@code CLINNOVA_ENTITLEMENT_WATCH_MINUTES} (15 by default), on the server's managed scheduler.
 */
@ApplicationScoped
public class EntitlementWatch extends PeriodicTask {

  private static final Logger LOG = Logger.getLogger(EntitlementWatch.class.getName());

  @Inject Entitlements entitlements;
  @Inject ReleaseSigning releaseSigning;

  public void start() {
    // Minutes, a fraction allowed (the system tests look every few seconds).
    long seconds =
        Math.max(
            1,
            Math.round(
                60
                    * Double.parseDouble(
                        Settings.value("CLINNOVA_ENTITLEMENT_WATCH_MINUTES", "15"))));
    every(Math.min(60, seconds), seconds, TimeUnit.SECONDS);
  }

  @Override
  void runOnce() {
    try {
      if (releaseSigning.rotateIfDue()) {
        LOG.info(
            "A new release signing key was made; the previous one stays published for an hour");
      }
      int recorded = entitlements.recordLapses();
      if (recorded > 0) {
        LOG.info(() -> recorded + " lapsed entitlement(s) recorded");
      }
      int warned = entitlements.warnEnding();
      if (warned > 0) {
        LOG.info(() -> warned + " holder(s) warned that their access ends soon");
      }
    } catch (RuntimeException e) {
      // The next round tries again; the status of an entitlement never depends on this record.
      LOG.log(Level.WARNING, "lapsed entitlements could not be recorded", e);
    }
  }
}
