package eu.clinnova.portal.startup;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Something the portal does every so often on the server's managed scheduler, once started. */
abstract class PeriodicTask {

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  private ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> task;

  /**
   * Starts the task (once; later calls do nothing): first after {@code first}, then every period.
   */
  protected synchronized void every(long first, long period, TimeUnit unit) {
    if (task == null) {
      task = scheduler.scheduleWithFixedDelay(this::runOnce, first, period, unit);
    }
  }

  /** One round; must not throw (a failed round is logged and the next one tries again). */
  abstract void runOnce();

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
