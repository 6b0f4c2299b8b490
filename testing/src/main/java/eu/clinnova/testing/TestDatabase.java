package eu.clinnova.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An embedded PostgreSQL with the portal's database roles and the schemas of the given bounded
 * contexts, each migrated by its own Flyway history from {@code db/migration/<schema>} on the class
 * path, as the schema owner, exactly as the portal's {@code DatabaseMigrations} does at start-up:
 * the application role then has only the row rights the migrations grant (ADR 0003).
 *
 * <pre>
 * try (TestDatabase database = TestDatabase.migrated("audit", "consent")) {
 *   DataSource app = database.app();
 * }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {

  @SuppressWarnings("deprecation")
  private org.postgresql.ds.PGPoolingDataSource appPool;

  public static final String DATABASE = "clinnova";
  public static final String OWNER = "clinnova_owner";
  public static final String APP = "clinnova_app";

  private final EmbeddedPostgres postgres;

  private TestDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** A database with the given contexts' schemas, in dependency order (audit first). */
  public static TestDatabase migrated(String... schemas) throws IOException, SQLException {
    return builder().schemas(schemas).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Server settings and schemas; durable commits by default, as in production. */
  public static final class Builder {
    private final Map<String, String> settings = new LinkedHashMap<>();
    private List<String> schemas = List.of();

    private Builder() {
      settings.put("synchronous_commit", "on");
      settings.put("fsync", "on");
      settings.put("max_connections", "200");
    }

    public Builder setting(String name, String value) {
      settings.put(name, value);
      return this;
    }

    public Builder schemas(String... schemas) {
      this.schemas = List.of(schemas);
      return this;
    }

    public TestDatabase start() throws IOException, SQLException {
      EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
      settings.forEach(server::setServerConfig);
      TestDatabase database = new TestDatabase(server.start());
      try {
        database.createRolesAndDatabase(DATABASE);
        for (String schema : schemas) {
          database.migrate(DATABASE, schema);
        }
        return database;
      } catch (SQLException | RuntimeException e) {
        database.close();
        throw e;
      }
    }
  }

  /**
   * Another database on the same server, owned by the owner role, with the given schemas (a
   * benchmark's own database beside the tests'); one of that name is dropped first.
   */
  public void createDatabase(String name, String... schemas) throws SQLException {
    try (Connection connection = superuser().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
    }
    for (String schema : schemas) {
      migrate(name, schema);
    }
  }

  private void createRolesAndDatabase(String name) throws SQLException {
    try (Connection connection = superuser().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner'");
      statement.execute("CREATE ROLE " + APP + " LOGIN PASSWORD 'app'");
      statement.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
    }
  }

  private void migrate(String databaseName, String schema) {
    Flyway.configure(TestDatabase.class.getClassLoader())
        .dataSource(on(OWNER, databaseName))
        .schemas(schema)
        .createSchemas(true)
        .table("schema_history")
        .locations("classpath:db/migration/" + schema)
        .placeholders(Map.of("appRole", '"' + APP + '"'))
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        .load()
        .migrate();
  }

  /** The server's superuser on its own {@code postgres} database. */
  public DataSource superuser() {
    return postgres.getPostgresDatabase();
  }

  /** The superuser on the portal's database (to forge what no role of the portal may write). */
  public DataSource superuserOnPortal() {
    return postgres.getDatabase("postgres", DATABASE);
  }

  /** The schema owner, who migrates. */
  public DataSource owner() {
    return on(OWNER, DATABASE);
  }

  /** The application role, as the portal serves requests. */
  public DataSource app() {
    return on(APP, DATABASE);
  }

  /**
   * The application role through a small pool, as WildFly's pool serves the portal: a persistence
   * unit opens a connection per transaction, which unpooled costs a login each (about 20 ms).
   */
  @SuppressWarnings("deprecation") // the driver's own pool: enough for tests, never in the WAR
  public synchronized DataSource appPooled() {
    if (appPool == null) {
      appPool = new org.postgresql.ds.PGPoolingDataSource();
      appPool.setServerNames(new String[] {"localhost"});
      appPool.setPortNumbers(new int[] {port()});
      appPool.setDatabaseName(DATABASE);
      appPool.setUser(APP);
      appPool.setPassword("app");
      appPool.setDataSourceName("clinnova-app-" + port());
      appPool.setMaxConnections(8);
    }
    return appPool;
  }

  public DataSource on(String user, String databaseName) {
    return postgres.getDatabase(user, databaseName);
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  @SuppressWarnings("deprecation")
  public void close() throws IOException {
    if (appPool != null) {
      appPool.close();
    }
    postgres.close();
  }
}
