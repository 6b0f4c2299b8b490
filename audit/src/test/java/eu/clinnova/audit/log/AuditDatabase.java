package eu.clinnova.audit.log;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL with the audit schema as the portal creates it: migrated by the owner role,
 * used by the application role with only the rights the migration grants.
 */
final class AuditDatabase implements AutoCloseable {

  static final String OWNER = "clinnova_owner";
  static final String APP = "clinnova_app";

  private final EmbeddedPostgres postgres;

  private AuditDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static AuditDatabase start() throws IOException, SQLException {
    return start(java.util.Map.of());
  }

  /** With extra server settings. */
  static AuditDatabase start(java.util.Map<String, String> settings)
      throws IOException, SQLException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("max_connections", "200");
    settings.forEach(builder::setServerConfig);
    AuditDatabase database = new AuditDatabase(builder.start());
    try (Connection connection = database.superuser().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner'");
      statement.execute("CREATE ROLE " + APP + " LOGIN PASSWORD 'app'");
      statement.execute("CREATE DATABASE clinnova OWNER " + OWNER);
    }
    try (Connection connection = database.owner().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA audit");
      statement.execute(migration().replace("${appRole}", APP));
    }
    return database;
  }

  static String migration() throws IOException {
    try (InputStream in =
        AuditDatabase.class.getResourceAsStream("/db/migration/audit/V1__transparency_log.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  DataSource superuser() {
    return postgres.getPostgresDatabase();
  }

  DataSource superuserOnPortal() {
    return postgres.getDatabase("postgres", "clinnova");
  }

  DataSource owner() {
    return postgres.getDatabase(OWNER, "clinnova");
  }

  DataSource on(String user, String databaseName) {
    return postgres.getDatabase(user, databaseName);
  }

  int port() {
    return postgres.getPort();
  }

  DataSource app() {
    return postgres.getDatabase(APP, "clinnova");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
