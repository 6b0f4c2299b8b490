package eu.clinnova.portal.api.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.entitlement.Entitlements;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/v1/entitlements} (status as of now, or {@code ?asOf=} an instant) and {@code POST
 * /api/v1/entitlements/{id}/revoke}.
 */
@Path("v1/entitlements")
@RequestScoped
public class EntitlementResource {

  @Inject Entitlements entitlements;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@QueryParam("asOf") String asOf) {
    Instant at;
    try {
      at = asOf == null ? Instant.now() : Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          Problem.invalid(
              "Invalid asOf.",
              List.of(new Problem.FieldError("asOf", "must be an RFC 3339 instant in UTC"))));
    }
    JsonArrayBuilder all = JSON.createArrayBuilder();
    entitlements
        .visibleTo(requestCaller.get())
        .forEach(entitlement -> all.add(ApplicationJson.entitlement(entitlement, at)));
    return Response.ok(all.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  @POST
  @Path("{id}/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response revoke(@PathParam("id") String id, JsonObject body) {
    JsonObject request = ApplicationResource.required(body);
    String reason = request.get("reason") instanceof JsonString text ? text.getString() : null;
    java.util.UUID entitlementId;
    try {
      entitlementId = java.util.UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.notFound("No such entitlement."));
    }
    Entitlements.Revoked revoked = entitlements.revoke(requestCaller.get(), entitlementId, reason);
    long index = ApplicationResource.logged(revoked.audit());
    return Response.ok(
            JSON.createObjectBuilder(
                    ApplicationJson.entitlement(revoked.entitlement(), Instant.now()))
                .add("auditIndex", index)
                .build()
                .toString(),
            MediaType.APPLICATION_JSON)
        .build();
  }
}
