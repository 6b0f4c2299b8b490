package eu.clinnova.deployment.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's high-availability topology on one machine (ADR 0030, README "High availability"): a
 * replicated PostgreSQL under pg_auto_failover, two or more WildFly instances with the portal, each
 * a copy of the provisioned server on its own ports, sharing the audit and release signing keys
 * through their configuration, and HAProxy in front. Keycloak and the mail server are given (the
 * caller starts them, or names external ones in {@code environment}).
 */
public final class PortalCluster implements AutoCloseable {

  /** Where things are and which ports they take. */
  public record Layout(
      Path provisioned,
      Path war,
      Path state,
      Path logs,
      int databasePort,
      int balancerPort,
      int firstPortOffset,
      int instances) {

    int httpPort(int instance) {
      return 8080 + firstPortOffset + instance;
    }
  }

  private final Layout layout;
  private final Map<String, String> environment;
  private final List<WildFlyServer> servers = new ArrayList<>();
  private ReplicatedDatabase database;
  private LoadBalancer balancer;

  private PortalCluster(Layout layout, Map<String, String> environment) {
    this.layout = layout;
    this.environment = environment;
  }

  /**
   * Starts it all: the database first, then the instances one after the other (the first migrates
   * the schemas and loads the demo data alone), then the load balancer.
   *
   * @param environment the servers' settings (Keycloak, mail, development declaration, ...), to
   *     which the database's hosts and the shared key files are added
   */
  public static PortalCluster start(Layout layout, Map<String, String> environment)
      throws IOException, SQLException {
    PortalCluster cluster = new PortalCluster(layout, environment);
    try {
      cluster.database =
          ReplicatedDatabase.start(
              layout.state().resolve("postgres"), layout.databasePort(), 2, layout.logs());
      cluster.database.ensurePortalDatabase(DatabaseSettings.developmentDefaults());
      for (int i = 0; i < layout.instances(); i++) {
        cluster.servers.add(cluster.startInstance(i));
      }
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < layout.instances(); i++) {
        ports.add(layout.httpPort(i));
      }
      cluster.balancer =
          LoadBalancer.start(
              layout.balancerPort(),
              ports,
              layout.state().resolve("haproxy"),
              layout.logs().resolve("haproxy.log"));
      return cluster;
    } catch (IOException | SQLException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private WildFlyServer startInstance(int instance) throws IOException {
    String name = "portal-" + (char) ('a' + instance);
    Map<String, String> settings = new HashMap<>(environment);
    settings.put("CLINNOVA_DB_HOSTS", database.jdbcHosts());
    // One key for the log, one key set for release tokens: every instance signs with the same.
    Path keys = layout.state().resolve("keys");
    settings.put("CLINNOVA_AUDIT_KEY_FILE", keys.resolve("audit-log.key").toString());
    settings.put("CLINNOVA_RELEASE_KEYS_FILE", keys.resolve("release-keys.jwks").toString());
    return WildFlyServer.start(
        layout.provisioned(),
        layout.state().resolve("wildfly-" + name),
        layout.war(),
        settings,
        List.of(
            "-Djboss.socket.binding.port-offset=" + (layout.firstPortOffset() + instance),
            "-Djboss.node.name=" + name),
        layout.logs().resolve("wildfly-" + name + ".log"));
  }

  /** The load balancer's address: the portal's. */
  public String url() {
    return "http://localhost:" + layout.balancerPort();
  }

  /** One instance's own address, behind the balancer's back. */
  public String instanceUrl(int instance) {
    return "http://localhost:" + layout.httpPort(instance);
  }

  public ReplicatedDatabase database() {
    return database;
  }

  public int instances() {
    return servers.size();
  }

  /** Kills one instance at once: its process and JVM, without a shutdown. */
  public void killInstance(int instance) {
    servers.get(instance).kill();
  }

  /** Starts a killed instance again (a new copy of the server, the same ports and keys). */
  public void restartInstance(int instance) throws IOException {
    servers.get(instance).close();
    servers.set(instance, startInstance(instance));
  }

  @Override
  public void close() {
    if (balancer != null) {
      balancer.close();
    }
    for (WildFlyServer server : servers) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
