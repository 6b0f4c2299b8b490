package eu.clinnova.deployment.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test Keycloak: demo users through portal-cli, nodes by their secrets.
 */
public final class Tokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

  /** A token and when it stops being usable (a minute before it expires). */
  private record Issued(String token, java.time.Instant usableUntil) {}

  /**
   * The cached token of {@code key}, or a new one when it is about to expire: a suite longer than
   * the realm's token lifespan must not send expired tokens.
   */
  private static String cached(String key, Map<String, String> form) {
    return CACHE
        .compute(
            key,
            (name, issued) ->
                issued != null && java.time.Instant.now().isBefore(issued.usableUntil())
                    ? issued
                    : issue(form))
        .token();
  }

  private Tokens() {}

  /** A demo user's token; the development realm's password is the user name. */
  public static String user(String username) {
    return cached(
        "user:" + username,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "portal-cli",
            "username",
            username,
            "password",
            username));
  }

  /** A new token for a demo user, not cached (after their account changed). */
  public static String freshUser(String username) {
    return fetch(
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "portal-cli",
            "username",
            username,
            "password",
            username));
  }

  /** A node's service-account token (client credentials, development secret). */
  public static String node(String clientId) {
    return cached(
        "node:" + clientId,
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            clientId,
            "client_secret",
            clientId + "-secret"));
  }

  private static String fetch(Map<String, String> form) {
    return issue(form).token();
  }

  private static Issued issue(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                entry ->
                    URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          SystemTestEnvironment.keycloakRealmUrl()
                              + "/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Keycloak refused a token: " + response.body());
      }
      JsonNode json = JSON.readTree(response.body());
      return new Issued(
          json.get("access_token").asText(),
          java.time.Instant.now().plusSeconds(Math.max(0, json.get("expires_in").asLong() - 60)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
