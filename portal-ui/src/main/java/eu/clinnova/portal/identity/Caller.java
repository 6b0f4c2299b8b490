package eu.clinnova.portal.identity;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller, as the server knows it from the verified token. Every authorization
 * decision (which role, whose data, which jurisdiction) starts from here.
 *
 * @param subject the token's {@code sub}: stable id of the user or service account
 * @param username {@code preferred_username}
 * @param displayName full name, or the username when the token carries none
 * @param clientId the client the token was issued to ({@code azp})
 * @param roles the realm roles the portal knows
 * @param jurisdictions the jurisdictions of the caller's groups, or of a node's client id
 * @param psn the patient's pseudonym ({@code psn} claim), if any
 */
public record Caller(
    String subject,
    String username,
    String displayName,
    String email,
    String clientId,
    Set<Role> roles,
    Set<Jurisdiction> jurisdictions,
    Optional<String> psn) {

  public Caller {
    roles = Set.copyOf(roles);
    jurisdictions = Set.copyOf(jurisdictions);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean actsFor(Jurisdiction jurisdiction) {
    return jurisdictions.contains(jurisdiction);
  }
}
