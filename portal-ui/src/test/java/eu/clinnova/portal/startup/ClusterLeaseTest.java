package eu.clinnova.portal.startup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One holder of a cluster role at a time, on a real PostgreSQL, as the application role. */
class ClusterLeaseTest {

  private static TestDatabase database;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated();
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void oneInstanceHoldsARoleUntilItGivesItUp() {
    try (ClusterLease first = new ClusterLease(database.app(), "outbox");
        ClusterLease second = new ClusterLease(database.app(), "outbox");
        ClusterLease other = new ClusterLease(database.app(), "entitlement-watch")) {
      assertTrue(first.holds());
      assertFalse(second.holds(), "the role is held");
      assertTrue(first.holds(), "the holder keeps it round after round");
      assertTrue(other.holds(), "another role is another lock");
      first.close();
      assertTrue(second.holds(), "given up, it is the next asker's");
      assertFalse(first.holds());
    }
  }

  @Test
  void aHolderWhoseSessionEndsLosesTheRoleAndAnotherTakesIt() throws Exception {
    try (ClusterLease first = new ClusterLease(database.app(), "index-upkeep");
        ClusterLease second = new ClusterLease(database.app(), "index-upkeep")) {
      assertTrue(first.holds());
      assertFalse(second.holds());
      // The holder's process dies (or the primary fails over): the server ends its session.
      try (Connection admin = database.superuserOnPortal().getConnection();
          Statement statement = admin.createStatement();
          ResultSet ended =
              statement.executeQuery(
                  "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                      + " AND classid = "
                      + ClusterLease.LEASE_CLASS
                      + " AND objid = "
                      + Integer.toUnsignedLong("index-upkeep".hashCode()))) {
        assertTrue(ended.next(), "the holder's session is found by its lock");
      }
      assertTrue(second.holds(), "the role passes at the next ask");
      assertFalse(first.holds(), "the old holder learns it lost the role");
    }
  }
}
