package eu.clinnova.deployment.system;

import eu.clinnova.deployment.local.DatabaseSettings;
import eu.clinnova.deployment.local.KeycloakServer;
import eu.clinnova.deployment.local.LocalDatabase;
import eu.clinnova.deployment.local.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the system tests share, once per test run and before the first test: a fresh
 * PostgreSQL with the portal's database and roles, the real Keycloak with the development realm,
 * and GreenMail for the portal's e-mail. Arquillian then starts WildFly, which finds both through
 * the environment that Failsafe gives it. Nothing is started for unit tests.
 */
public class SystemTestEnvironment implements LauncherSessionListener {

  private static LocalDatabase database;
  private static KeycloakServer keycloak;
  private static MailServer mail;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("clinnova.systemTests") || database != null) {
      return;
    }
    try {
      Path target = Path.of(System.getProperty("clinnova.wildflyHome")).getParent();
      database =
          LocalDatabase.start(
              Integer.getInteger("clinnova.dbPort"),
              target.resolve("it-postgres"),
              true,
              java.util.Map.of(
                  "shared_buffers", System.getProperty("clinnova.dbSharedBuffers", "128MB")));
      database.ensurePortalDatabase(DatabaseSettings.developmentDefaults());
      keycloak =
          KeycloakServer.start(
              Path.of(System.getProperty("clinnova.keycloakDistribution")),
              Path.of(System.getProperty("clinnova.keycloakHome")),
              Integer.getInteger("clinnova.keycloakPort"),
              Path.of(System.getProperty("clinnova.realm")),
              true,
              target.resolve("it-logs/keycloak.log"));
      Files.createDirectories(target.resolve("it-logs"));
      mail =
          MailServer.start(
              Path.of(System.getProperty("clinnova.greenmail")),
              target.resolve("it-logs/greenmail.log"));
    } catch (Exception e) {
      launcherSessionClosed(session);
      throw new IllegalStateException("The system test environment did not start", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (mail != null) {
      mail.close();
      mail = null;
    }
    if (keycloak != null) {
      keycloak.close();
      keycloak = null;
    }
    if (database != null) {
      try {
        database.close();
      } catch (Exception e) {
        System.err.println("Stopping PostgreSQL: " + e);
      }
      database = null;
    }
  }

  /** A superuser's connections to the portal's database, to inspect what the portal wrote. */
  public static DataSource portalDatabaseAsSuperuser() {
    return database.superuserOn(DatabaseSettings.developmentDefaults().database());
  }

  public static String keycloakRealmUrl() {
    return keycloak.realmUrl();
  }

  public static String portalUrl() {
    return "http://localhost:" + Integer.getInteger("clinnova.httpPort");
  }

  /** The GreenMail server the portal sends to (tests stop and start it). */
  public static MailServer mail() {
    return mail;
  }

  public static int databasePort() {
    return database.port();
  }
}
