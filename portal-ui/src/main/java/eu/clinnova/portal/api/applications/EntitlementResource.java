package eu.clinnova.portal.api.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.portal.api.QueryParameters;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.entitlement.EntitlementStore;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/entitlements} (status as of now, or {@code ?asOf=} an instant) and {@code POST
 * /api/v1/entitlements/{id}/revoke}.
 */
@Path("v1/entitlements")
@RequestScoped
public class EntitlementResource {

  @Inject Entitlements entitlements;
  @Inject RequestCaller requestCaller;
  @Context UriInfo uri;

  /**
   * The entitlements the caller may see, newest first, a page at a time: {@code limit} (1 to 500,
   * default 500), and for the next page {@code before} and {@code beforeId} (the {@code validFrom}
   * and {@code id} of the last one shown), which the {@code Link} header's {@code rel="next"}
   * carries whenever another page may follow; {@code status} as of {@code asOf} (default now).
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(
      @QueryParam("asOf") String asOf,
      @QueryParam("before") String before,
      @QueryParam("beforeId") String beforeId,
      @QueryParam("limit") String limit) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Instant at = QueryParameters.instant("asOf", asOf, errors).orElseGet(Instant::now);
    Optional<QueryParameters.PageEnd> after =
        QueryParameters.PageEnd.of(before, beforeId, "an entitlement id", errors);
    int size = QueryParameters.limit(limit, Entitlements.MAX_PAGE, Entitlements.MAX_PAGE, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("Invalid listing.", errors));
    }
    Entitlements.Page page =
        entitlements.visible(
            requestCaller.get(),
            after.map(end -> new EntitlementStore.PageEnd(end.before(), end.beforeId())),
            size);
    JsonArrayBuilder all = JSON.createArrayBuilder();
    page.entitlements()
        .forEach(entitlement -> all.add(ApplicationJson.entitlement(entitlement, at)));
    Response.ResponseBuilder response =
        Response.ok(all.build().toString(), MediaType.APPLICATION_JSON);
    page.next()
        .ifPresent(
            end ->
                response.links(
                    new QueryParameters.PageEnd(end.validFrom(), end.id()).next(uri, size)));
    return response.build();
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
