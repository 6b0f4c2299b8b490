package eu.clinnova.deployment.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL (a real server from Maven, started as a child process) with the portal's
 * database and its two roles. Data lives in the given directory and survives restarts unless it is
 * marked disposable.
 */
public final class LocalDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final int port;

  private LocalDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory}; {@code disposable}
   * wipes the directory first (tests), otherwise the data is kept (run command).
   */
  public static LocalDatabase start(int port, Path dataDirectory, boolean disposable)
      throws IOException {
    return start(port, dataDirectory, disposable, java.util.Map.of());
  }

  /** The same with further server settings (the benchmark sizes {@code shared_buffers}). */
  public static LocalDatabase start(
      int port, Path dataDirectory, boolean disposable, java.util.Map<String, String> settings)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(disposable)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200")
            // The embedded server's default is off; an acknowledged commit (consent, audit
            // entry) must survive a crash.
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("listen_addresses", "localhost");
    settings.forEach(builder::setServerConfig);
    return new LocalDatabase(builder.start(), port);
  }

  public int port() {
    return port;
  }

  /** A superuser's connections to the {@code postgres} database, for setting things up. */
  public DataSource superuser() {
    return postgres.getPostgresDatabase();
  }

  /** A superuser's connections to the portal's database (tests inspect and tamper with it). */
  public DataSource superuserOn(String database) {
    return postgres.getDatabase("postgres", database);
  }

  /**
   * Creates the portal's roles and database if they are missing: the schema owner, which the
   * migrations run as, and the application role, which gets only the row rights the migrations
   * grant it. Idempotent.
   */
  public void ensurePortalDatabase(DatabaseSettings settings) throws SQLException {
    try (Connection connection = superuser().getConnection()) {
      ensurePortalDatabase(connection, settings);
    }
  }

  /** The same on any server, through a superuser's connection to its {@code postgres} database. */
  static void ensurePortalDatabase(Connection connection, DatabaseSettings settings)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      ensureRole(statement, settings.ownerUser(), settings.ownerPassword());
      ensureRole(statement, settings.appUser(), settings.appPassword());
      var exists =
          statement.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = " + literal(settings.database()));
      if (!exists.next()) {
        statement.execute(
            "CREATE DATABASE "
                + identifier(settings.database())
                + " OWNER "
                + identifier(settings.ownerUser())
                + " ENCODING 'UTF8'");
      }
      statement.execute(
          "REVOKE ALL ON DATABASE " + identifier(settings.database()) + " FROM PUBLIC");
      statement.execute(
          "GRANT CONNECT ON DATABASE "
              + identifier(settings.database())
              + " TO "
              + identifier(settings.appUser()));
    }
  }

  private static void ensureRole(Statement statement, String role, String password)
      throws SQLException {
    var exists = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = " + literal(role));
    String verb = exists.next() ? "ALTER" : "CREATE";
    statement.execute(
        verb
            + " ROLE "
            + identifier(role)
            + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
            + literal(password));
  }

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
