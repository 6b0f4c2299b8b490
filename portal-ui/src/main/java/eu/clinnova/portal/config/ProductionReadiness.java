package eu.clinnova.portal.config;

import eu.clinnova.consent.receipt.Controllers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The start-up check that keeps development values out of production. The repository carries
 * development secrets for the local realm and database (clearly marked); a server that is not
 * declared a development one refuses to start while any of them, or a missing secret, would be
 * used, and names every setting at fault.
 */
public final class ProductionReadiness {

  /** Each secret the server reads, with the development value committed in the repository. */
  static final Map<String, String> SECRETS =
      Map.of(
          "CLINNOVA_DB_APP_PASSWORD", "clinnova-app-dev",
          "CLINNOVA_DB_OWNER_PASSWORD", "clinnova-owner-dev",
          "CLINNOVA_OIDC_CLIENT_SECRET", "portal-dev-secret",
          "CLINNOVA_ACCOUNTS_CLIENT_SECRET", "portal-admin-dev-secret");

  private ProductionReadiness() {}

  /** What stops {@code environment} from running as production; empty in development. */
  public static List<String> problems(PortalEnvironment environment) {
    if (environment.isDevelopment()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    SECRETS.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              String value = environment.setting(name);
              if (value == null || value.isBlank()) {
                problems.add(name + " is missing");
              } else if (value.strip().equals(SECRETS.get(name))) {
                problems.add(name + " is the development value from the repository");
              }
            });
    String publicUrl = environment.setting(PortalEnvironment.PUBLIC_URL);
    if (publicUrl == null || publicUrl.isBlank()) {
      problems.add(PortalEnvironment.PUBLIC_URL + " is missing (the portal's public address)");
    } else {
      try {
        PortalEnvironment.parsePublicUrl(publicUrl.strip());
      } catch (IllegalStateException e) {
        problems.add(e.getMessage());
      }
    }
    String controllers = environment.setting(Controllers.FILE);
    if (controllers == null || controllers.isBlank()) {
      problems.add(
          Controllers.FILE
              + " is missing (the data controllers named on receipts and in the record of"
              + " processing)");
    } else {
      try {
        if (Controllers.fromFile(Path.of(controllers.strip())).areDevelopmentValues()) {
          problems.add(Controllers.FILE + " names the repository's development controllers");
        }
      } catch (IllegalStateException e) {
        problems.add(e.getMessage());
      }
    }
    if (Boolean.parseBoolean(environment.setting("CLINNOVA_DEMO_DATA"))) {
      problems.add("CLINNOVA_DEMO_DATA=true enrols the demo patients: development only");
    }
    return List.copyOf(problems);
  }

  /**
   * @throws IllegalStateException naming every problem, so that the deployment fails with them
   */
  public static void check(PortalEnvironment environment) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The portal refuses to start outside development: "
              + String.join("; ", problems)
              + ". Set these in the server's environment (README, \"Configuration for"
              + " production\"), or declare "
              + PortalEnvironment.ENVIRONMENT
              + "=development on a development machine.");
    }
  }
}
