package eu.clinnova.portal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where the portal runs: development only when the environment says so explicitly ({@code
 * CLINNOVA_ENVIRONMENT=development}, as {@code ./portal run} and the tests do); anything else is
 * production, where no development default may stand in for a missing setting.
 */
public final class PortalEnvironment {

  public static final String ENVIRONMENT = "CLINNOVA_ENVIRONMENT";
  public static final String PUBLIC_URL = "CLINNOVA_PUBLIC_URL";

  /** The development portal's address, used only where development is declared. */
  static final String DEVELOPMENT_PUBLIC_URL = "http://localhost:8080/";

  private final UnaryOperator<String> settings;

  PortalEnvironment(UnaryOperator<String> settings) {
    this.settings = settings;
  }

  /** The server's own settings (system properties, then the environment). */
  public static PortalEnvironment current() {
    return new PortalEnvironment(name -> Settings.value(name, null));
  }

  public boolean isDevelopment() {
    String declared = settings.apply(ENVIRONMENT);
    return declared != null && declared.strip().toLowerCase(Locale.ROOT).equals("development");
  }

  /**
   * The portal's public address, ending in {@code /}: the issuer of release tokens and visas and
   * the address on receipts. Never taken from a request's {@code Host}, which the caller chooses.
   *
   * @throws IllegalStateException outside development when {@code CLINNOVA_PUBLIC_URL} is missing
   *     or not an absolute http(s) address (the start-up check reports it first)
   */
  public URI publicUrl() {
    String configured = settings.apply(PUBLIC_URL);
    if (configured == null || configured.isBlank()) {
      if (isDevelopment()) {
        return URI.create(DEVELOPMENT_PUBLIC_URL);
      }
      throw new IllegalStateException(PUBLIC_URL + " is not set");
    }
    return parsePublicUrl(configured.strip());
  }

  /** Whether browsers reach the portal over HTTPS only (then responses carry HSTS). */
  public boolean servedOverHttps() {
    try {
      return publicUrl().getScheme().equals("https");
    } catch (IllegalStateException e) {
      return false;
    }
  }

  static URI parsePublicUrl(String text) {
    try {
      URI uri = new URI(text.endsWith("/") ? text : text + "/");
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new IllegalStateException(
            PUBLIC_URL + " must be an absolute http(s) address without query: " + text);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(PUBLIC_URL + " is not an address: " + text, e);
    }
  }

  String setting(String name) {
    return settings.apply(name);
  }
}
