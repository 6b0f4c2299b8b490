package eu.clinnova.portal.startup;

import eu.clinnova.messages.delivery.Deliveries;
import eu.clinnova.portal.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code CLINNOVA_MAIL_SEND_SECONDS} (2 by default): expands the letters posted since the
 * last round into deliveries, then sends what is due, each delivery in a transaction of its own. A
 * round does a bounded amount of work, so that one slow mail server never starves the scheduler.
 */
@ApplicationScoped
public class MailSender extends PeriodicTask {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

  /** Letters expanded and deliveries tried per round, at most. */
  static final int EXPAND_PER_ROUND = 200;

  static final int SEND_PER_ROUND = 200;

  @Inject Deliveries deliveries;

  public void start() {
    every(2, Long.parseLong(Settings.value("CLINNOVA_MAIL_SEND_SECONDS", "2")), TimeUnit.SECONDS);
  }

  @Override
  void runOnce() {
    try {
      deliveries.expand(EXPAND_PER_ROUND);
      for (int sent = 0; sent < SEND_PER_ROUND; sent++) {
        Optional<Deliveries.Outcome> outcome = deliveries.deliverNext();
        if (outcome.isEmpty()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // Nothing is lost: letters and deliveries stay in the database for the next round.
      LOG.log(Level.WARNING, "e-mail could not be sent this round", e);
    }
  }
}
