package eu.clinnova.portal.api.release;

import eu.clinnova.release.ReleaseSigning;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/keys}: the JWKS that verifies release tokens (and, later, GA4GH visas).
 * Public, like the audit log's verifier key: nodes and anyone they show a token to must check it.
 */
@Path("v1/keys")
@RequestScoped
public class KeysResource {

  static final String JWK_SET = "application/jwk-set+json";

  @Inject ReleaseSigning signing;

  @GET
  @PermitAll
  @Produces({JWK_SET, "application/json"})
  public Response keys() {
    CacheControl cache = new CacheControl();
    // Short enough that a rotated key is seen long before the old one retires.
    cache.setMaxAge(300);
    return Response.ok(signing.publicKeys().toString(true)).cacheControl(cache).build();
  }
}
