package eu.clinnova.consent.application;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A read on a connection of its own, with SQL failures turned into one unchecked error. */
final class Reads {

  interface Read<T> {
    T from(Connection connection) throws SQLException;
  }

  private Reads() {}

  static <T> T on(DataSource dataSource, String what, Read<T> read) {
    try (Connection connection = dataSource.getConnection()) {
      return read.from(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(what + " could not be read", e);
    }
  }
}
