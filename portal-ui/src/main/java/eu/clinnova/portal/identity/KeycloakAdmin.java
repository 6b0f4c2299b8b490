package eu.clinnova.portal.identity;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.account.AccountDirectoryUnavailableException;
import eu.clinnova.portal.config.Settings;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A session with Keycloak's admin REST API as the confidential client {@code portal-admin}: its
 * service account may view and manage the realm's users (and read its roles and groups), nothing
 * else. Each call answers the body, or fails with {@link AccountDirectoryUnavailableException}.
 */
final class KeycloakAdmin {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private final String realm;
  private final String admin;
  private final String token;

  private KeycloakAdmin(String realm, String token) {
    this.realm = realm;
    this.admin = realm.replaceFirst("/realms/", "/admin/realms/");
    this.token = token;
  }

  /** Signs in with the service account's client credentials. */
  static KeycloakAdmin signIn() {
    String realm =
        Settings.value("CLINNOVA_OIDC_PROVIDER_URL", "http://localhost:8180/realms/clinnova");
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(
                Settings.value("CLINNOVA_ACCOUNTS_CLIENT_ID", "portal-admin"),
                StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(
                Settings.value("CLINNOVA_ACCOUNTS_CLIENT_SECRET", "portal-admin-dev-secret"),
                StandardCharsets.UTF_8);
    String answer =
        send(
            HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)),
            200);
    return new KeycloakAdmin(realm, object(answer).getString("access_token"));
  }

  /** GET {@code path} (below the realm's admin address), answered with {@code expected}. */
  String get(String path) {
    return send(request(path).GET(), 200);
  }

  /** GET, or empty when Keycloak does not know what the path names (404). */
  Optional<String> find(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request(path).GET().timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new AccountDirectoryUnavailableException(
            "Keycloak answered " + response.statusCode() + " to GET " + path, null);
      }
      return Optional.of(response.body());
    } catch (IOException e) {
      throw new AccountDirectoryUnavailableException("Keycloak could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AccountDirectoryUnavailableException("interrupted", e);
    }
  }

  void put(String path, String json, int expected) {
    send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)),
        expected);
  }

  void post(String path, String json, int expected) {
    send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        expected);
  }

  /** DELETE with a body (Keycloak's role mappings take the roles to remove in it). */
  void delete(String path, String json, int expected) {
    send(
        request(path)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(json)),
        expected);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(admin + path))
        .header("Authorization", "Bearer " + token);
  }

  private static String send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new AccountDirectoryUnavailableException(
            "Keycloak answered "
                + response.statusCode()
                + " to "
                + response.request().method()
                + " "
                + response.request().uri().getPath(),
            null);
      }
      return response.body();
    } catch (IOException e) {
      throw new AccountDirectoryUnavailableException("Keycloak could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AccountDirectoryUnavailableException("interrupted", e);
    }
  }

  String realm() {
    return realm;
  }

  static JsonObject object(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static JsonArray array(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }
}
