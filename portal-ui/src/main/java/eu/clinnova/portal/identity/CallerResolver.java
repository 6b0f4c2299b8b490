package eu.clinnova.portal.identity;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Reads the {@link Caller} from the access token that WildFly's OIDC mechanism verified (signature,
 * issuer, audience, expiry) for this request. The only class that knows the token's claim names.
 */
@ApplicationScoped
public class CallerResolver {

  public Optional<Caller> resolve(HttpServletRequest request) {
    return resolve(request.getUserPrincipal());
  }

  public Optional<Caller> resolve(Principal principal) {
    if (!(principal instanceof OidcPrincipal<?> oidc)) {
      return Optional.empty();
    }
    AccessToken token = oidc.getOidcSecurityContext().getToken();
    if (token == null) {
      return Optional.empty();
    }
    return Optional.of(fromToken(token));
  }

  static Caller fromToken(AccessToken token) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (token.getRealmAccessClaim() != null && token.getRealmAccessClaim().getRoles() != null) {
      for (String name : token.getRealmAccessClaim().getRoles()) {
        Role.fromTokenName(name).ifPresent(roles::add);
      }
    }
    String clientId = token.getClaimValueAsString("azp");
    Set<Jurisdiction> jurisdictions = EnumSet.noneOf(Jurisdiction.class);
    if (roles.contains(Role.NODE)) {
      Jurisdiction.fromNodeClientId(clientId).ifPresent(jurisdictions::add);
    } else {
      List<String> groups =
          token.hasClaim("groups") ? token.getStringListClaimValue("groups") : List.of();
      for (String group : groups) {
        Jurisdiction.fromGroupPath(group).ifPresent(jurisdictions::add);
      }
    }
    String username = token.getPreferredUsername();
    String name = token.getName();
    return new Caller(
        token.getSubject(),
        username,
        name == null || name.isBlank() ? username : name,
        token.getEmail(),
        Boolean.TRUE.equals(token.getClaimValue("email_verified", Boolean.class)),
        clientId,
        roles,
        jurisdictions,
        Optional.ofNullable(token.getClaimValueAsString("psn")).filter(psn -> !psn.isBlank()));
  }
}
