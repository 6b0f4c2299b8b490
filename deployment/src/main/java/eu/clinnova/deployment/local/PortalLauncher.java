package eu.clinnova.deployment.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The run command: starts PostgreSQL (embedded, unless CLINNOVA_DB_HOST names an external one),
 * Keycloak with the development realm (unless CLINNOVA_OIDC_PROVIDER_URL names an external one),
 * GreenMail for the portal's e-mail (unless CLINNOVA_SMTP_HOST names a mail server) and WildFly
 * with the portal, prints where everything is, and stops it all on Ctrl-C. State (database,
 * Keycloak's users) is kept under {@code .clinnova/} between runs.
 *
 * <p>With the argument {@code cluster}, the high-availability topology instead (ADR 0030): a
 * replicated PostgreSQL under pg_auto_failover, two WildFly instances and HAProxy on port 8080, all
 * on loopback ({@link PortalCluster}); its state is under {@code .clinnova/cluster/} and the
 * database starts empty each time.
 */
public final class PortalLauncher {

  private static final int DB_PORT = 15432;
  private static final int KEYCLOAK_PORT = 8180;
  private static final int HTTP_PORT = 8080;
  private static final int CLUSTER_DB_PORT = 16000;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("clinnova.root", ".")).toAbsolutePath().normalize();
    new PortalLauncher().run(root, args.length > 0 && "cluster".equals(args[0]));
  }

  private void run(Path root, boolean cluster) throws Exception {
    Instant begin = Instant.now();
    Path state = root.resolve(".clinnova");
    Path target = root.resolve("deployment/target");
    Files.createDirectories(state);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "clinnova-stop"));

    Map<String, String> serverEnvironment = new HashMap<>();
    // The audit log's signing key outlives the server copy: checkpoints stay verifiable.
    serverEnvironment.put("CLINNOVA_AUDIT_KEY_FILE", state.resolve("audit-log.key").toString());
    // Declared explicitly: only a development server accepts the repository's development
    // secrets (the server refuses to start otherwise; README, "Configuration for production").
    serverEnvironment.put("CLINNOVA_ENVIRONMENT", "development");
    String publicUrl = System.getenv("CLINNOVA_PUBLIC_URL");
    serverEnvironment.put(
        "CLINNOVA_PUBLIC_URL",
        publicUrl == null || publicUrl.isBlank()
            ? "http://localhost:" + HTTP_PORT + "/"
            : publicUrl);
    // The demo patients of the development realm (LU-0001 ... CH-0001).
    serverEnvironment.put("CLINNOVA_DEMO_DATA", "true");
    // The heap the tests and the benchmark give the server (README, production): WildFly's
    // default, 64 MB growing to 512 MB, collects nearly once per large release decision.
    String sizing = System.getenv("JBOSS_JAVA_SIZING");
    serverEnvironment.put(
        "JBOSS_JAVA_SIZING", sizing == null || sizing.isBlank() ? "-Xms1g -Xmx1g" : sizing);
    String externalDb = System.getenv("CLINNOVA_DB_HOST");
    if (cluster) {
      say("The database: PostgreSQL with a synchronous standby (pg_auto_failover), with the rest");
    } else if (externalDb == null || externalDb.isBlank()) {
      say("Starting PostgreSQL (embedded) on port " + DB_PORT + " ...");
      LocalDatabase database = LocalDatabase.start(DB_PORT, state.resolve("postgres"), false);
      started.push(database);
      database.ensurePortalDatabase(DatabaseSettings.developmentDefaults());
      serverEnvironment.put("CLINNOVA_DB_HOST", "localhost");
      serverEnvironment.put("CLINNOVA_DB_PORT", String.valueOf(DB_PORT));
    } else {
      say("Using the external PostgreSQL at " + externalDb);
    }

    String externalKeycloak = System.getenv("CLINNOVA_OIDC_PROVIDER_URL");
    String realmUrl;
    if (externalKeycloak == null || externalKeycloak.isBlank()) {
      say("Starting Keycloak on port " + KEYCLOAK_PORT + " (the first start takes longer) ...");
      KeycloakServer keycloak =
          KeycloakServer.start(
              target.resolve("keycloak-dist.tar.gz"),
              state.resolve("keycloak"),
              KEYCLOAK_PORT,
              root.resolve("deployment/src/main/keycloak/clinnova-realm.json"),
              false,
              state.resolve("logs/keycloak.log"));
      started.push(keycloak);
      realmUrl = keycloak.realmUrl();
      serverEnvironment.put("CLINNOVA_OIDC_PROVIDER_URL", realmUrl);
    } else {
      realmUrl = externalKeycloak;
      say("Using the external Keycloak realm at " + realmUrl);
    }

    String externalSmtp = System.getenv("CLINNOVA_SMTP_HOST");
    String mailLine;
    if (externalSmtp == null || externalSmtp.isBlank()) {
      say("Starting GreenMail (development mail: SMTP " + MailServer.SMTP_PORT + ") ...");
      started.push(
          MailServer.start(target.resolve("greenmail.jar"), state.resolve("logs/greenmail.log")));
      serverEnvironment.put("CLINNOVA_SMTP_HOST", "localhost");
      serverEnvironment.put("CLINNOVA_SMTP_PORT", String.valueOf(MailServer.SMTP_PORT));
      mailLine =
          "http://localhost:"
              + MailServer.API_PORT
              + "/api/user/<address>/messages/INBOX  (demo users: <user name>@demo.clinnova.eu)";
    } else {
      mailLine = "sent through " + externalSmtp;
    }

    String topology;
    if (cluster) {
      say("Starting the cluster: PostgreSQL primary and standby, two WildFly, HAProxy ...");
      Path clusterState = state.resolve("cluster");
      PortalCluster portal =
          PortalCluster.start(
              new PortalCluster.Layout(
                  target.resolve("wildfly"),
                  target.resolve("portal.war"),
                  clusterState,
                  clusterState.resolve("logs"),
                  CLUSTER_DB_PORT,
                  HTTP_PORT,
                  1,
                  2),
              serverEnvironment);
      started.push(portal);
      topology =
          """
            Instances         %s, %s (behind HAProxy on %d)
            PostgreSQL        %s (primary now: %s; monitor on %d)
          """
              .formatted(
                  portal.instanceUrl(0),
                  portal.instanceUrl(1),
                  HTTP_PORT,
                  portal.database().jdbcHosts(),
                  portal.database().primaryPort().map(String::valueOf).orElse("?"),
                  CLUSTER_DB_PORT);
    } else {
      say("Starting WildFly with the portal ...");
      started.push(
          WildFlyServer.start(
              target.resolve("wildfly"),
              state.resolve("wildfly"),
              target.resolve("portal.war"),
              serverEnvironment,
              state.resolve("logs/wildfly.log")));
      topology = "";
    }

    String nodes = demoNodes(realmUrl);
    long seconds = Duration.between(begin, Instant.now()).toSeconds();
    say(
        """

        Clinnova Portal is running (started in %d s).

          Portal            http://localhost:8080/
          API               http://localhost:8080/api/v1/health  (OpenAPI: http://localhost:8080/openapi)
          Keycloak realm    %s
          Keycloak admin    http://localhost:%d/admin/  (admin / admin, development only)
          E-mail            %s
          Logs              %s
        %s
        Demo logins (password = user name, development only):
          patients          patient-lu, patient-fr, patient-de, patient-ch
          researchers       researcher, researcher2
          data stewards     steward-lu, steward-fr, steward-de, steward-ch
          committees        dac-lu ... dac-ch (members), chair-lu ... chair-ch (chairs)
          compliance        compliance
          administrator     admin

        The four nodes, played by node-client (the library a node embeds), asked the gate:
        %s

        Press Ctrl-C to stop everything.
        """
            .formatted(
                seconds,
                realmUrl,
                KEYCLOAK_PORT,
                mailLine,
                state.resolve("logs"),
                topology,
                nodes));
    Thread.currentThread().join();
  }

  /**
   * The demo's application, reviews, consents and the four nodes' releases (once per database;
   * {@code CLINNOVA_DEMO_NODES=false} skips it).
   */
  private static String demoNodes(String realmUrl) {
    if ("false".equalsIgnoreCase(System.getenv("CLINNOVA_DEMO_NODES"))) {
      return "  (skipped: CLINNOVA_DEMO_NODES=false)";
    }
    say("Playing the demo: an application reviewed in four jurisdictions, then four nodes ...");
    try {
      return String.join("\n", new DemoNodes("http://localhost:8080", realmUrl).playOnce());
    } catch (Exception e) {
      return "  (the demo could not be played: " + e.getMessage() + ")";
    }
  }

  private void stopAll() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("While stopping: " + e);
      }
    }
    say("Stopped.");
  }

  private static void say(String text) {
    System.out.println(text);
  }
}
