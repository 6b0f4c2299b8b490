package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.deployment.local.WildFlyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server that is not declared a development one refuses to start on the repository's development
 * secrets, and says which settings are at fault (issue 16). The real provisioned WildFly with the
 * real WAR, on ports of its own, without the development declaration the other system tests have.
 */
class ProductionRefusalIT {

  @Test
  void outsideDevelopmentTheServerRefusesToStartAndNamesEverySettingAtFault() throws Exception {
    Path provisioned = Path.of(System.getProperty("clinnova.wildflyHome"));
    Path target = provisioned.getParent();
    Path log = target.resolve("it-logs/production-refusal.log");
    Map<String, String> environment = new HashMap<>();
    // What the system tests' server has, taken away: this one is a production server.
    environment.put("CLINNOVA_ENVIRONMENT", null);
    environment.put("CLINNOVA_PUBLIC_URL", null);
    environment.put("CLINNOVA_DEMO_DATA", null);
    environment.put("CLINNOVA_CONTROLLERS_FILE", null);
    // One secret set to the repository's development value, the others missing.
    environment.put("CLINNOVA_OIDC_CLIENT_SECRET", "portal-dev-secret");
    environment.put("CLINNOVA_DB_APP_PASSWORD", null);
    environment.put("CLINNOVA_DB_OWNER_PASSWORD", null);
    environment.put("CLINNOVA_ACCOUNTS_CLIENT_SECRET", null);
    environment.put("JBOSS_JAVA_SIZING", "-Xms256m -Xmx512m");
    IllegalStateException failed =
        assertThrows(
            IllegalStateException.class,
            () -> {
              try (WildFlyServer server =
                  WildFlyServer.start(
                      provisioned,
                      target.resolve("refusal-wildfly"),
                      Path.of(System.getProperty("clinnova.war")),
                      environment,
                      List.of("-Djboss.socket.binding.port-offset=20000"),
                      log)) {
                // Reaching this line means the portal deployed: the assertion below says so.
              }
            },
            "the portal must not deploy");
    String logged = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(failed.getMessage().contains("failed to deploy"), failed.getMessage());
    assertTrue(logged.contains("The portal refuses to start outside development"), logged);
    for (String named :
        List.of(
            "CLINNOVA_OIDC_CLIENT_SECRET is the development value from the repository",
            "CLINNOVA_DB_APP_PASSWORD is missing",
            "CLINNOVA_DB_OWNER_PASSWORD is missing",
            "CLINNOVA_ACCOUNTS_CLIENT_SECRET is missing",
            "CLINNOVA_PUBLIC_URL is missing",
            "CLINNOVA_CONTROLLERS_FILE is missing")) {
      assertTrue(logged.contains(named), named);
    }
  }
}
