package eu.clinnova.portal.database;

import eu.clinnova.portal.config.Settings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates each bounded context's schema with its own Flyway history, as the schema owner. The
 * application role that serves requests gets only the row rights each migration grants (ADR 0003);
 * the role's name reaches the scripts as the {@code appRole} placeholder.
 */
@ApplicationScoped
public class DatabaseMigrations {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  /** Bounded contexts in dependency order: the audit log first, everything writes to it. */
  static final List<SchemaOwner> CONTEXTS =
      List.of(
          new SchemaOwner("audit"),
          new SchemaOwner("messages"),
          new SchemaOwner("consent"),
          new SchemaOwner("workflow"));

  @Resource(lookup = "java:jboss/datasources/ClinnovaMigrationDS")
  private DataSource ownerDataSource;

  public void migrate() {
    String appRole = Settings.value("CLINNOVA_DB_APP_USER", "clinnova_app");
    for (SchemaOwner context : CONTEXTS) {
      MigrateResult result = flywayFor(context, appRole).migrate();
      LOG.info(
          () ->
              "Schema "
                  + context.schema()
                  + ": "
                  + result.migrationsExecuted
                  + " migration(s) applied, now at version "
                  + result.targetSchemaVersion);
    }
  }

  private Flyway flywayFor(SchemaOwner context, String appRole) {
    return Flyway.configure(DatabaseMigrations.class.getClassLoader())
        .dataSource(ownerDataSource)
        .schemas(context.schema())
        .createSchemas(true)
        .table("schema_history")
        .locations("classpath:db/migration/" + context.schema())
        .placeholders(Map.of("appRole", quoteIdentifier(appRole)))
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        .load();
  }

  /** The role name is configuration: quote it as an identifier so it can never be SQL. */
  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A bounded context that owns a PostgreSQL schema of the same name. */
  record SchemaOwner(String schema) {}
}
