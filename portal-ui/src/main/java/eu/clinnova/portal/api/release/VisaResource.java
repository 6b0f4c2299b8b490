package eu.clinnova.portal.api.release;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.portal.config.PortalEnvironment;
import eu.clinnova.release.ReleaseSigning;
import eu.clinnova.release.Visas;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.Entitlements;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/ga4gh/visas}: the caller's GA4GH {@code ControlledAccessGrants} visas, one per
 * active entitlement; a node names the user ({@code ?user=}) and gets the visas for its own
 * jurisdiction's datasets. The answer has the passport claim's shape, {@code ga4gh_passport_v1}.
 */
@Path("v1/ga4gh/visas")
@RequestScoped
public class VisaResource {

  /** Looked up once: {@code Json.create...} searches the class path for a provider each call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject Entitlements entitlements;
  @Inject ReleaseSigning signing;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String visas(@QueryParam("user") String user) {
    Caller caller = requestCaller.get();
    boolean node = caller.has(Role.NODE);
    if (node && (user == null || user.isBlank())) {
      throw new ProblemException(
          Problem.invalid(
              "A node names the user whose visas it needs.",
              List.of(new Problem.FieldError("user", "the researcher's id, as in entitlements"))));
    }
    if (!node && user != null && !user.equals(caller.subject())) {
      throw new ProblemException(Problem.forbidden("Only nodes ask for another user's visas."));
    }
    String subject = node ? user : caller.subject();
    Instant now = Instant.now();
    // Names in signed visas come from the configured public address, never from Host.
    URI api = PortalEnvironment.current().publicUrl().resolve("api/v1");
    URI jwks = PortalEnvironment.current().publicUrl().resolve("api/v1/keys");
    JsonArrayBuilder visas = JSON.createArrayBuilder();
    for (Entitlement entitlement : entitlements.visibleTo(caller)) {
      if (!entitlement.researcher().equals(subject)
          || entitlement.statusAt(now) != Entitlement.Status.ACTIVE) {
        continue;
      }
      visas.add(
          Visas.sign(
              signing.current(),
              api,
              jwks,
              entitlement,
              UriBuilder.fromUri(api).path("datasets").path(entitlement.datasetId()).build(),
              UriBuilder.fromUri(api).path("committees").path(entitlement.jurisdiction()).build(),
              now));
    }
    return JSON.createObjectBuilder().add("ga4gh_passport_v1", visas).build().toString();
  }
}
