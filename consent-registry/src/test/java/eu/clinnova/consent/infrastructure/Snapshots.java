package eu.clinnova.consent.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Connections in the state the release gate reads in. */
public final class Snapshots {

  private Snapshots() {}

  /** A connection in a REPEATABLE READ transaction whose snapshot is taken. */
  public static Connection taken(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      statement.execute("SELECT 1 FROM consent.patient LIMIT 1");
    }
    return connection;
  }
}
