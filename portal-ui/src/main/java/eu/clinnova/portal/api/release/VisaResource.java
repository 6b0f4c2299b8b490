package eu.clinnova.portal.api.release;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.portal.config.PortalEnvironment;
import eu.clinnova.release.VisaIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;

/**
 * {@code GET /api/v1/ga4gh/visas}: the caller's GA4GH {@code ControlledAccessGrants} visas, one per
 * active entitlement; a node names the user ({@code ?user=}) and gets the visas for its own
 * jurisdiction's datasets. The answer has the passport claim's shape, {@code ga4gh_passport_v1}.
 */
@Path("v1/ga4gh/visas")
@RequestScoped
public class VisaResource {

  @Inject VisaIssuer issuer;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String visas(@QueryParam("user") String user) {
    // Names in signed visas come from the configured public address, never from Host.
    URI api = PortalEnvironment.current().publicUrl().resolve("api/v1");
    JsonArrayBuilder visas = JSON.createArrayBuilder();
    issuer.visas(requestCaller.get(), user, api).forEach(visas::add);
    return JSON.createObjectBuilder().add("ga4gh_passport_v1", visas).build().toString();
  }
}
