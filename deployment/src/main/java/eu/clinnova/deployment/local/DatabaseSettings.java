package eu.clinnova.deployment.local;

/**
 * The portal database's name and roles, with the development defaults that the server's datasources
 * use too (deployment/src/main/wildfly/configure-server.cli).
 */
public record DatabaseSettings(
    String database, String ownerUser, String ownerPassword, String appUser, String appPassword) {

  /** Development values only: production sets CLINNOVA_DB_* in the environment. */
  public static DatabaseSettings developmentDefaults() {
    return new DatabaseSettings(
        "clinnova", "clinnova_owner", "clinnova-owner-dev", "clinnova_app", "clinnova-app-dev");
  }
}
