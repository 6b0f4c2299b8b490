package eu.clinnova.portal.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A role that one portal instance holds at a time across the cluster (ADR 0030): a session-level
 * PostgreSQL advisory lock, held on a connection kept open for it. The server releases it when that
 * session ends (the instance stopped, died, or lost the database in a failover), and the next
 * instance to ask takes it over; the holder learns it lost the role at its next {@link #holds()},
 * when its connection no longer answers.
 */
final class ClusterLease implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterLease.class.getName());

  /** The advisory locks' class for leases: "clil" (the audit log's writers use "clin"). */
  static final int LEASE_CLASS = 0x636c696c;

  private final DataSource dataSource;
  private final String name;
  private final int key;
  private Connection connection;

  /**
   * @param name the role ("entitlement-watch"): instances agree on its lock by this name
   */
  ClusterLease(DataSource dataSource, String name) {
    this.dataSource = dataSource;
    this.name = name;
    this.key = name.hashCode();
  }

  /**
   * Whether this instance holds the role now: it keeps it while its connection answers, and asks
   * for it when it has none. Never throws: a database that cannot be reached means "not now".
   */
  synchronized boolean holds() {
    if (connection != null) {
      if (answers(connection)) {
        return true;
      }
      LOG.warning("Lost the cluster role " + name + ": its database session ended");
      release();
    }
    Connection opened = null;
    try {
      opened = dataSource.getConnection();
      opened.setAutoCommit(true);
      try (PreparedStatement lock = opened.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
        lock.setInt(1, LEASE_CLASS);
        lock.setInt(2, key);
        try (ResultSet taken = lock.executeQuery()) {
          if (taken.next() && taken.getBoolean(1)) {
            connection = opened;
            LOG.info("This instance now holds the cluster role " + name);
            return true;
          }
        }
      }
      opened.close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "the cluster role " + name + " could not be asked for", e);
      closeQuietly(opened);
    }
    return false;
  }

  private static boolean answers(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Gives the role up. The lock is released explicitly before the connection goes back to its pool:
   * a pooled session outlives close(), and would otherwise keep the role from every instance.
   */
  private void release() {
    if (connection == null) {
      return;
    }
    try (PreparedStatement unlock =
        connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      unlock.setInt(1, LEASE_CLASS);
      unlock.setInt(2, key);
      unlock.executeQuery().close();
    } catch (SQLException e) {
      // A broken session: the server drops the lock with it (the pool discards the connection).
      LOG.log(Level.FINE, "releasing the cluster role " + name, e);
    }
    closeQuietly(connection);
    connection = null;
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "closing a lease's connection", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    release();
  }
}
