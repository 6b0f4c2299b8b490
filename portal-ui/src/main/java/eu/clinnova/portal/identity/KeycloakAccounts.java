package eu.clinnova.portal.identity;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.account.AccountDirectory;
import eu.clinnova.consent.account.AccountDirectoryUnavailableException;
import eu.clinnova.portal.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Keycloak's admin REST API, used for one thing: setting a patient account's {@code psn} attribute
 * when they activate it. The portal signs in as the confidential client {@code portal-admin}, whose
 * service account may view and manage users of the realm and nothing else.
 */
@ApplicationScoped
public class KeycloakAccounts implements AccountDirectory {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public void linkPseudonym(String sub, String psn) {
    String realm =
        Settings.value("CLINNOVA_OIDC_PROVIDER_URL", "http://localhost:8180/realms/clinnova");
    String admin = realm.replaceFirst("/realms/", "/admin/realms/");
    try {
      String token = token(realm);
      JsonArray holders =
          array(
              send(
                  HttpRequest.newBuilder(
                          URI.create(
                              admin
                                  + "/users?exact=true&briefRepresentation=false&q="
                                  + URLEncoder.encode("psn:" + psn, StandardCharsets.UTF_8)))
                      .header("Authorization", "Bearer " + token)
                      .GET(),
                  200));
      for (JsonValue holder : holders) {
        JsonObject user = holder.asJsonObject();
        if (!user.getString("id").equals(sub)) {
          put(admin, token, user, null);
        }
      }
      JsonObject user =
          object(
              send(
                  HttpRequest.newBuilder(URI.create(admin + "/users/" + sub))
                      .header("Authorization", "Bearer " + token)
                      .GET(),
                  200));
      put(admin, token, user, psn);
    } catch (IOException e) {
      throw new AccountDirectoryUnavailableException("Keycloak could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AccountDirectoryUnavailableException("interrupted", e);
    }
  }

  /** Writes the user back with {@code psn} set, or removed when null; other fields unchanged. */
  private void put(String admin, String token, JsonObject user, String psn)
      throws IOException, InterruptedException {
    JsonObjectBuilder attributes =
        JSON.createObjectBuilder(
            user.containsKey("attributes")
                ? user.getJsonObject("attributes")
                : JsonValue.EMPTY_JSON_OBJECT);
    if (psn == null) {
      attributes.remove("psn");
    } else {
      attributes.add("psn", JSON.createArrayBuilder().add(psn));
    }
    JsonObject updated = JSON.createObjectBuilder(user).add("attributes", attributes).build();
    send(
        HttpRequest.newBuilder(URI.create(admin + "/users/" + user.getString("id")))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())),
        204);
  }

  private String token(String realm) throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(
                Settings.value("CLINNOVA_ACCOUNTS_CLIENT_ID", "portal-admin"),
                StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(
                Settings.value("CLINNOVA_ACCOUNTS_CLIENT_SECRET", "portal-admin-dev-secret"),
                StandardCharsets.UTF_8);
    return object(
            send(
                HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)),
                200))
        .getString("access_token");
  }

  private String send(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new AccountDirectoryUnavailableException(
          "Keycloak answered "
              + response.statusCode()
              + " to "
              + response.request().uri().getPath(),
          null);
    }
    return response.body();
  }

  private static JsonObject object(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static JsonArray array(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }
}
