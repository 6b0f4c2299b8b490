package eu.clinnova.consent.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL with the consent schema migrated exactly as the portal does (the owner
 * runs the migrations; the application role gets row rights only).
 */
public final class ConsentDatabase implements AutoCloseable {

  static final String OWNER = "clinnova_owner";
  static final String APP = "clinnova_app";
  static final String[] MIGRATIONS = {
    "V1__patients.sql",
    "V2__forms_and_records.sql",
    "V3__account_activation.sql",
    "V4__guardians.sql",
    "V5__release_gate_reads.sql",
    "V6__compact_patient_state.sql",
    "V7__disclosure_index_upkeep.sql",
    "V8__disclosure_lists_for_the_gate.sql",
    "V9__patient_state_written_by.sql",
    "V10__activation_attempts.sql",
    "V11__capacity_regained.sql"
  };

  private final EmbeddedPostgres postgres;

  private ConsentDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static ConsentDatabase start() throws IOException, SQLException {
    ConsentDatabase database =
        new ConsentDatabase(
            EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start());
    try (Connection connection = database.postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner'");
      statement.execute("CREATE ROLE " + APP + " LOGIN PASSWORD 'app'");
      statement.execute("CREATE DATABASE clinnova OWNER " + OWNER);
    }
    try (Connection connection = database.owner().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA consent");
      for (String migration : MIGRATIONS) {
        statement.execute(read(migration).replace("${appRole}", APP));
      }
    }
    return database;
  }

  private static String read(String migration) throws IOException {
    try (InputStream in =
        ConsentDatabase.class.getResourceAsStream("/db/migration/consent/" + migration)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  DataSource owner() {
    return postgres.getDatabase(OWNER, "clinnova");
  }

  public DataSource app() {
    return postgres.getDatabase(APP, "clinnova");
  }

  /** A connection of the app role in a REPEATABLE READ transaction whose snapshot is taken. */
  Connection snapshotTaken() throws SQLException {
    Connection connection = app().getConnection();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      statement.execute("SELECT 1 FROM consent.patient LIMIT 1");
    }
    return connection;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
