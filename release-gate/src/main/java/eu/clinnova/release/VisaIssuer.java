package eu.clinnova.release;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementScope;
import eu.clinnova.workflow.entitlement.Entitlements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * GA4GH {@code ControlledAccessGrants} visas: one per active entitlement of the user. A researcher
 * gets their own; a node names the user and gets the visas of its own jurisdiction's datasets (what
 * {@link EntitlementScope} lets it see); nobody else asks for another user's.
 */
@ApplicationScoped
public class VisaIssuer {

  @Inject Entitlements entitlements;
  @Inject ReleaseSigning signing;

  @Inject Clock clock;

  /**
   * The signed visas of {@code user} (null or blank: the caller) that {@code caller} may have,
   * named after the portal's public API address (never after a request header).
   */
  public List<String> visas(Caller caller, String user, URI api) {
    String subject = whoseVisas(caller, user);
    var now = clock.instant();
    URI jwks = URI.create(api + "/keys");
    List<String> visas = new ArrayList<>();
    // A node sees only its jurisdiction's datasets: the listing's rule decides here too.
    EntitlementScope seen = EntitlementScope.of(caller);
    for (Entitlement entitlement : entitlements.heldBy(subject)) {
      if (seen.includes(entitlement) && entitlement.statusAt(now) == Entitlement.Status.ACTIVE) {
        visas.add(
            Visas.sign(
                signing.current(),
                api,
                jwks,
                entitlement,
                URI.create(api + "/datasets/" + segment(entitlement.datasetId())),
                URI.create(api + "/committees/" + segment(entitlement.jurisdiction())),
                now));
      }
    }
    return visas;
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Whose visas the caller asks for: a node must name the user; anyone else only themself. */
  static String whoseVisas(Caller caller, String user) {
    boolean named = user != null && !user.isBlank();
    if (caller.has(Role.NODE)) {
      if (!named) {
        throw Refusal.invalid(
            "A node names the user whose visas it needs.",
            List.of(new FieldProblem("user", "the researcher's id, as in entitlements")));
      }
      return user;
    }
    if (named && !user.equals(caller.subject())) {
      throw Refusal.forbidden("Only nodes ask for another user's visas.");
    }
    return caller.subject();
  }
}
