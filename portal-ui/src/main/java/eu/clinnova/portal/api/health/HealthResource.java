package eu.clinnova.portal.api.health;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Public readiness report: 200 when every dependency is up, 503 otherwise, with one entry per
 * check. It says what is down, never why in detail (that is in the server log).
 */
@Path("v1/health")
@RequestScoped
@PermitAll
public class HealthResource {

  @Inject Instance<HealthCheck> checks;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    JsonArrayBuilder results = JSON.createArrayBuilder();
    boolean allUp = true;
    for (HealthCheck check : checks) {
      HealthCheck.Result result = check.check();
      allUp &= result.up();
      results.add(
          JSON.createObjectBuilder()
              .add("name", check.name())
              .add("status", result.up() ? "UP" : "DOWN")
              .add("detail", result.detail()));
    }
    String body =
        JSON.createObjectBuilder()
            .add("status", allUp ? "UP" : "DOWN")
            .add("checks", results)
            .build()
            .toString();
    return Response.status(allUp ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
