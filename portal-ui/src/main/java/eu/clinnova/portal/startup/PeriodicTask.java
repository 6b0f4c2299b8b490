package eu.clinnova.portal.startup;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Something the portal does every so often on the server's managed scheduler, once started. With
 * several instances on one database, a task whose work is the cluster's (the outbox, the watch over
 * entitlements, the disclosure index) runs on one of them at a time: the one holding its {@link
 * ClusterLease} (ADR 0030); a task that keeps this instance's own state runs on each.
 */
abstract class PeriodicTask {

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  private ManagedScheduledExecutorService scheduler;

  /** The lease's connection: outside JTA, held for as long as the role is. */
  @Resource(lookup = "java:jboss/datasources/ClinnovaLogDS")
  private javax.sql.DataSource leases;

  private ScheduledFuture<?> task;
  private ClusterLease lease;

  /**
   * Starts the task (once; later calls do nothing): first after {@code first}, then every period.
   */
  protected synchronized void every(long first, long period, TimeUnit unit) {
    if (task == null) {
      if (oncePerCluster()) {
        // By the class's own name (not a container subclass's): every instance agrees on it.
        lease = new ClusterLease(leases, getClass().getName().replaceAll("\\$.*", ""));
      }
      task = scheduler.scheduleWithFixedDelay(this::round, first, period, unit);
    }
  }

  private void round() {
    if (lease == null || lease.holds()) {
      runOnce();
    }
  }

  /**
   * Whether one instance of the cluster runs this task (the default) rather than each: false for a
   * task that keeps this instance's own state.
   */
  boolean oncePerCluster() {
    return true;
  }

  /** One round; must not throw (a failed round is logged and the next one tries again). */
  abstract void runOnce();

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
    if (lease != null) {
      lease.close();
    }
  }
}
