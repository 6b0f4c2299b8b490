package eu.clinnova.portal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every response of the portal carries (contract, "Additions to v1", Security), by the
 * kind of response its path names. The UI's policy is the one Vaadin Flow's bootstrap and client
 * engine work under (an inline start-up script, functions built from the server's expressions,
 * inline styles); everything else the portal serves is data, which may run nothing at all.
 */
public final class SecurityHeaders {

  /** The Vaadin UI: its own scripts, styles and connections only, never framed. */
  static final String UI_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  /**
   * The API, the OpenAPI document and every file the portal hands out (attachments, receipts,
   * exports): a document that opens in a tab anyway is sandboxed and may load nothing.
   */
  static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  /** Two years, as the HSTS preload list asks; only sent when the public address is HTTPS. */
  static final String HSTS = "max-age=63072000; includeSubDomains";

  private final boolean https;

  public SecurityHeaders(boolean https) {
    this.https = https;
  }

  /** The headers for a response to {@code path} (the request path, context root included). */
  public Map<String, String> forPath(String path) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", isData(path) ? DATA_POLICY : UI_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "same-origin");
    headers.put("Permissions-Policy", PERMISSIONS_POLICY);
    headers.put("X-Frame-Options", "DENY");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    if (https) {
      headers.put("Strict-Transport-Security", HSTS);
    }
    return headers;
  }

  /**
   * Data, not a page: the API, the OpenAPI document, and Vaadin's dynamic resources (the downloads
   * the UI offers).
   */
  static boolean isData(String path) {
    return path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/openapi")
        || path.startsWith("/VAADIN/dynamic/");
  }
}
