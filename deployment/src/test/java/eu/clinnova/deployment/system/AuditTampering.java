package eu.clinnova.deployment.system;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/**
 * What someone with the database superuser's rights could do to the log: rewrite a leaf in place,
 * keeping its stored hash. Undone on {@link Edit#close()}, so that the tests after see the log
 * whole.
 */
final class AuditTampering {

  private AuditTampering() {}

  /** An edited leaf, restored when closed. */
  static final class Edit implements AutoCloseable {
    private final long index;
    private final byte[] original;

    private Edit(long index, byte[] original) {
      this.index = index;
      this.original = original;
    }

    byte[] original() {
      return original.clone();
    }

    @Override
    public void close() throws SQLException {
      rewrite(index, original);
    }
  }

  /** Rewrites the leaf at {@code index} with {@code edit} applied to its text. */
  static Edit editLeaf(long index, UnaryOperator<String> edit) throws SQLException {
    byte[] original = leaf(index);
    rewrite(
        index,
        edit.apply(new String(original, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    return new Edit(index, original);
  }

  static byte[] leaf(long index) throws SQLException {
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        PreparedStatement read =
            connection.prepareStatement("SELECT leaf FROM audit.entry WHERE idx = ?")) {
      read.setLong(1, index);
      try (ResultSet row = read.executeQuery()) {
        row.next();
        return row.getBytes(1);
      }
    }
  }

  /** The newest entry of {@code action}. */
  static long newest(String action) throws SQLException {
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        PreparedStatement read =
            connection.prepareStatement("SELECT max(idx) FROM audit.entry WHERE action = ?")) {
      read.setString(1, action);
      try (ResultSet row = read.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void rewrite(long index, byte[] leaf) throws SQLException {
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE audit.entry DISABLE TRIGGER entry_append_only");
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE audit.entry SET leaf = ? WHERE idx = ?")) {
        update.setBytes(1, leaf);
        update.setLong(2, index);
        update.executeUpdate();
      } finally {
        statement.execute("ALTER TABLE audit.entry ENABLE TRIGGER entry_append_only");
      }
    }
  }
}
