package eu.clinnova.workflow.application;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL with the workflow schema migrated as the portal does: the owner runs the
 * migrations, the application role gets the row rights they grant and nothing more.
 */
public final class WorkflowDatabase implements AutoCloseable {

  static final String OWNER = "clinnova_owner";
  static final String APP = "clinnova_app";
  static final String[] MIGRATIONS = {
    "V1__engine_table_rights.sql",
    "V2__datasets.sql",
    "V3__applications.sql",
    "V4__amendments.sql",
    "V5__entitlement_lapses.sql",
    "V6__releases.sql",
    "V7__denial_lists_uncompressed.sql",
    "V8__release_subject_roots.sql"
  };

  private final EmbeddedPostgres postgres;

  private WorkflowDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static WorkflowDatabase start() throws IOException, SQLException {
    WorkflowDatabase database = new WorkflowDatabase(EmbeddedPostgres.builder().start());
    try (Connection connection = database.postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner'");
      statement.execute("CREATE ROLE " + APP + " LOGIN PASSWORD 'app'");
      statement.execute("CREATE DATABASE clinnova OWNER " + OWNER);
    }
    try (Connection connection = database.owner().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA workflow");
      for (String migration : MIGRATIONS) {
        statement.execute(read(migration).replace("${appRole}", APP));
      }
    }
    return database;
  }

  private static String read(String migration) throws IOException {
    try (InputStream in =
        WorkflowDatabase.class.getResourceAsStream("/db/migration/workflow/" + migration)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public DataSource owner() {
    return postgres.getDatabase(OWNER, "clinnova");
  }

  public DataSource app() {
    return postgres.getDatabase(APP, "clinnova");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
