package eu.clinnova.portal.identity;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.account.AccountDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Setting a patient account's {@code psn} attribute when they activate it, through Keycloak's admin
 * API ({@link KeycloakAdmin}).
 */
@ApplicationScoped
public class KeycloakAccounts implements AccountDirectory {

  @Override
  public void linkPseudonym(String sub, String psn) {
    KeycloakAdmin keycloak = KeycloakAdmin.signIn();
    for (JsonValue holder :
        KeycloakAdmin.array(
            keycloak.get(
                "/users?exact=true&briefRepresentation=false&q="
                    + URLEncoder.encode("psn:" + psn, StandardCharsets.UTF_8)))) {
      JsonObject user = holder.asJsonObject();
      if (!user.getString("id").equals(sub)) {
        put(keycloak, user, null);
      }
    }
    put(keycloak, KeycloakAdmin.object(keycloak.get("/users/" + sub)), psn);
  }

  /** Writes the user back with {@code psn} set, or removed when null; other fields unchanged. */
  private static void put(KeycloakAdmin keycloak, JsonObject user, String psn) {
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
    keycloak.put("/users/" + user.getString("id"), updated.toString(), 204);
  }
}
