package eu.clinnova.portal.identity;

import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff accounts of the realm, read and changed through Keycloak's admin API: the holders of
 * each portal role and the members of each jurisdiction's group ({@code /LU} ...). The realm's
 * users stay Keycloak's; the portal keeps no copy.
 */
@ApplicationScoped
public class KeycloakStaff {

  /** Holders listed per role and group; a realm with more staff than this is read in pages. */
  private static final int PAGE = 500;

  /** Every account holding a staff role or a jurisdiction group, by user name. */
  public List<StaffAccount> all() {
    KeycloakAdmin keycloak = KeycloakAdmin.signIn();
    Map<String, JsonObject> users = new LinkedHashMap<>();
    Map<String, Set<Role>> roles = new LinkedHashMap<>();
    Map<String, Set<Jurisdiction>> groups = new LinkedHashMap<>();
    for (Role role : StaffAccount.STAFF_ROLES) {
      for (JsonObject user : paged(keycloak, "/roles/" + role.tokenName() + "/users")) {
        users.put(user.getString("id"), user);
        roles.computeIfAbsent(user.getString("id"), id -> EnumSet.noneOf(Role.class)).add(role);
      }
    }
    for (Jurisdiction jurisdiction : Jurisdiction.values()) {
      Optional<String> group = groupId(keycloak, jurisdiction);
      if (group.isEmpty()) {
        continue;
      }
      for (JsonObject user : paged(keycloak, "/groups/" + group.get() + "/members")) {
        users.put(user.getString("id"), user);
        groups
            .computeIfAbsent(user.getString("id"), id -> EnumSet.noneOf(Jurisdiction.class))
            .add(jurisdiction);
      }
    }
    return users.values().stream()
        .filter(user -> !user.getString("username").startsWith("service-account-"))
        .map(
            user ->
                new StaffAccount(
                    user.getString("id"),
                    user.getString("username"),
                    name(user),
                    roles.getOrDefault(user.getString("id"), Set.of()),
                    groups.getOrDefault(user.getString("id"), Set.of())))
        .sorted(Comparator.comparing(StaffAccount::username))
        .toList();
  }

  /** The account, if the realm has it, with its staff roles and groups. */
  public Optional<StaffAccount> find(String id) {
    return all().stream().filter(account -> account.id().equals(id)).findFirst();
  }

  public void grant(String userId, Role role) {
    KeycloakAdmin keycloak = KeycloakAdmin.signIn();
    keycloak.post(
        "/users/" + userId + "/role-mappings/realm", "[" + roleJson(keycloak, role) + "]", 204);
  }

  public void remove(String userId, Role role) {
    KeycloakAdmin keycloak = KeycloakAdmin.signIn();
    keycloak.delete(
        "/users/" + userId + "/role-mappings/realm", "[" + roleJson(keycloak, role) + "]", 204);
  }

  public void join(String userId, Jurisdiction jurisdiction) {
    KeycloakAdmin keycloak = KeycloakAdmin.signIn();
    keycloak.put(
        "/users/" + userId + "/groups/" + groupId(keycloak, jurisdiction).orElseThrow(), "", 204);
  }

  public void leave(String userId, Jurisdiction jurisdiction) {
    KeycloakAdmin keycloak = KeycloakAdmin.signIn();
    keycloak.delete(
        "/users/" + userId + "/groups/" + groupId(keycloak, jurisdiction).orElseThrow(), "", 204);
  }

  private static String roleJson(KeycloakAdmin keycloak, Role role) {
    JsonObject found = KeycloakAdmin.object(keycloak.get("/roles/" + role.tokenName()));
    return "{\"id\":\"" + found.getString("id") + "\",\"name\":\"" + role.tokenName() + "\"}";
  }

  static Optional<String> groupId(KeycloakAdmin keycloak, Jurisdiction jurisdiction) {
    for (JsonValue group :
        KeycloakAdmin.array(
            keycloak.get(
                "/groups?exact=true&briefRepresentation=true&search=" + jurisdiction.name()))) {
      JsonObject found = group.asJsonObject();
      if (found.getString("path", "").equals("/" + jurisdiction.name())) {
        return Optional.of(found.getString("id"));
      }
    }
    return Optional.empty();
  }

  private static List<JsonObject> paged(KeycloakAdmin keycloak, String path) {
    return paged(keycloak, path, true);
  }

  /** Every user a listing of the admin API gives, read in pages (brief: without attributes). */
  static List<JsonObject> paged(KeycloakAdmin keycloak, String path, boolean brief) {
    List<JsonObject> all = new java.util.ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<JsonObject> page =
          KeycloakAdmin.array(
                  keycloak.get(
                      path + "?briefRepresentation=" + brief + "&first=" + first + "&max=" + PAGE))
              .stream()
              .map(JsonValue::asJsonObject)
              .toList();
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }

  private static String name(JsonObject user) {
    String name = (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip();
    return name.isEmpty() ? user.getString("username") : name;
  }
}
