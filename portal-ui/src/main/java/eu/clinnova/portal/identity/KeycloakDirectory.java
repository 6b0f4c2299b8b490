package eu.clinnova.portal.identity;

import eu.clinnova.consent.account.AccountDirectoryUnavailableException;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.messages.delivery.Addressee;
import eu.clinnova.messages.delivery.Directory;
import eu.clinnova.release.ReleaseQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who a letter reaches, read from Keycloak when the sender expands it (the portal keeps no copy of
 * anyone's address): an account by its id; the data stewards, committee members or chair of a
 * jurisdiction ({@code steward-LU}, {@code dac-LU}, {@code chair-LU}: the role and the
 * jurisdiction's group); the administrators; a patient's account by its pseudonym; the recipient of
 * a release ({@code release:<id>}); the researcher a team names by an address ({@code
 * team:<address>}: only an account whose address Keycloak verified, holding the researcher role).
 * Accounts without an e-mail address or disabled are left out.
 */
@ApplicationScoped
public class KeycloakDirectory implements Directory {

  /** Who received a release: its recipient is told of a later withdrawal ({@code release:<id>}). */
  @Inject ReleaseQueries releases;

  private static final Map<String, Role> GROUP_ROLES =
      Map.of("steward", Role.DATA_STEWARD, "dac", Role.DAC_MEMBER, "chair", Role.DAC_CHAIR);

  @Override
  public List<Addressee> addresseesOf(String recipient) throws Unavailable {
    try {
      if (recipient.startsWith("release:")) {
        Optional<String> received;
        try {
          received =
              releases.recipientOf(UUID.fromString(recipient.substring("release:".length())));
        } catch (IllegalArgumentException e) {
          return List.of();
        }
        if (received.isEmpty()) {
          return List.of();
        }
        recipient = received.get();
      }
      return addressees(keycloak(), recipient);
    } catch (AccountDirectoryUnavailableException e) {
      forget();
      throw new Unavailable(e.getMessage(), e);
    }
  }

  /**
   * One sign-in serves the letters of a minute (a re-consent request may be thousands of letters);
   * Keycloak's service-account tokens live five minutes by default.
   */
  private synchronized KeycloakAdmin keycloak() {
    Instant now = Instant.now();
    if (session == null || signedInAt.plus(SESSION).isBefore(now)) {
      session = KeycloakAdmin.signIn();
      signedInAt = now;
    }
    return session;
  }

  /** After a failure the next letter signs in again (Keycloak may have restarted). */
  private synchronized void forget() {
    session = null;
  }

  private static final Duration SESSION = Duration.ofMinutes(1);
  private KeycloakAdmin session;
  private Instant signedInAt;

  private static List<Addressee> addressees(KeycloakAdmin keycloak, String recipient) {
    if (recipient.equals(Role.ADMIN.tokenName())) {
      return withAddresses(
          KeycloakStaff.paged(keycloak, "/roles/" + Role.ADMIN.tokenName() + "/users", false));
    }
    if (recipient.startsWith("patient:")) {
      String query =
          URLEncoder.encode(
              "psn:" + recipient.substring("patient:".length()), StandardCharsets.UTF_8);
      return withAddresses(
          KeycloakAdmin.array(
                  keycloak.get("/users?exact=true&briefRepresentation=false&q=" + query))
              .stream()
              .map(JsonValue::asJsonObject)
              .toList());
    }
    if (recipient.startsWith("team:")) {
      return teamMember(keycloak, recipient.substring("team:".length()));
    }
    int dash = recipient.indexOf('-');
    if (dash > 0 && GROUP_ROLES.containsKey(recipient.substring(0, dash))) {
      Optional<Jurisdiction> jurisdiction = Jurisdiction.fromCode(recipient.substring(dash + 1));
      if (jurisdiction.isPresent()) {
        return groupWithRole(
            keycloak, jurisdiction.get(), GROUP_ROLES.get(recipient.substring(0, dash)));
      }
    }
    if (!recipient.matches("[0-9a-fA-F-]{36}")) {
      return List.of();
    }
    return keycloak
        .find("/users/" + recipient)
        .map(KeycloakAdmin::object)
        .map(user -> withAddresses(List.of(user)))
        .orElse(List.of());
  }

  /**
   * The researcher whose verified address is {@code address}: a letter about a project reaches no
   * one who merely typed that address into an account (ADR 0027).
   */
  private static List<Addressee> teamMember(KeycloakAdmin keycloak, String address) {
    String query = URLEncoder.encode(address, StandardCharsets.UTF_8);
    List<JsonObject> verified =
        KeycloakAdmin.array(
                keycloak.get("/users?exact=true&briefRepresentation=false&email=" + query))
            .stream()
            .map(JsonValue::asJsonObject)
            .filter(user -> user.getBoolean("emailVerified", false))
            .filter(user -> address.equalsIgnoreCase(user.getString("email", "")))
            .filter(
                user ->
                    KeycloakAdmin.array(
                            keycloak.get(
                                "/users/"
                                    + user.getString("id")
                                    + "/role-mappings/realm/composite"))
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(
                            role -> Role.RESEARCHER.tokenName().equals(role.getString("name"))))
            .toList();
    return withAddresses(verified);
  }

  /** The members of the jurisdiction's group who hold the role. */
  private static List<Addressee> groupWithRole(
      KeycloakAdmin keycloak, Jurisdiction jurisdiction, Role role) {
    Optional<String> group = KeycloakStaff.groupId(keycloak, jurisdiction);
    if (group.isEmpty()) {
      return List.of();
    }
    Set<String> holders =
        KeycloakStaff.paged(keycloak, "/roles/" + role.tokenName() + "/users", true).stream()
            .map(user -> user.getString("id"))
            .collect(Collectors.toSet());
    return withAddresses(
        KeycloakStaff.paged(keycloak, "/groups/" + group.get() + "/members", false).stream()
            .filter(user -> holders.contains(user.getString("id")))
            .toList());
  }

  private static List<Addressee> withAddresses(List<JsonObject> users) {
    Map<String, Addressee> addressees = new LinkedHashMap<>();
    for (JsonObject user : users) {
      String address = user.getString("email", "");
      if (address.isBlank() || !user.getBoolean("enabled", true)) {
        continue;
      }
      addressees.putIfAbsent(
          user.getString("id"), new Addressee(user.getString("id"), address, locale(user)));
    }
    return new ArrayList<>(addressees.values());
  }

  /** The language the account chose in Keycloak (its {@code locale} attribute), if any. */
  private static Optional<String> locale(JsonObject user) {
    JsonObject attributes = user.getJsonObject("attributes");
    if (attributes == null || !attributes.containsKey("locale")) {
      return Optional.empty();
    }
    JsonArray values = attributes.getJsonArray("locale");
    return values.isEmpty() ? Optional.empty() : Optional.of(values.getString(0));
  }
}
