package eu.clinnova.audit.log;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The id of the database transaction a consent change commits in (PostgreSQL's 64-bit {@code
 * xid8}). Consent entries carry it and release entries carry the snapshot their decision read, so
 * that the compliance replay knows exactly which changes a decision could see: a change committing
 * while the gate decided was not in its snapshot, whatever the entries' times say (ADR 0018).
 */
public final class TransactionIds {

  private TransactionIds() {}

  /** The current transaction's id (assigned now if it has none yet). */
  public static long current(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_current_xact_id()::text")) {
      row.next();
      return Long.parseLong(row.getString(1));
    }
  }

  /**
   * The snapshot the current transaction reads, as PostgreSQL writes it ({@code xmin:xmax:xip}).
   */
  public static String snapshot(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
      row.next();
      return row.getString(1);
    }
  }
}
