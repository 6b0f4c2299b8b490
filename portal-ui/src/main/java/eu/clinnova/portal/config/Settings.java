package eu.clinnova.portal.config;

/**
 * Reads a setting the way the server configuration does: a system property of the same name first
 * (handy in tests), then the environment, then the development default.
 */
public final class Settings {

  private Settings() {}

  public static String value(String name, String developmentDefault) {
    String fromProperty = System.getProperty(name);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return fromProperty;
    }
    String fromEnvironment = System.getenv(name);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return developmentDefault;
  }
}
