package eu.clinnova.portal.api.agreements;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.QueryParameters;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.application.AgreementVersion;
import eu.clinnova.workflow.application.DataAccessAgreements;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;

/**
 * {@code GET /api/v1/agreements}: the data access agreement's versions, newest first (the first is
 * the one applicants accept now); {@code GET /api/v1/agreements/{version}}: one, with its text;
 * {@code POST /api/v1/agreements}: an administrator publishes the next version.
 */
@Path("v1/agreements")
@RequestScoped
public class AgreementResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);

  @Inject DataAccessAgreements agreements;
  @Inject RequestCaller requestCaller;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray versions() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    agreements.versions().forEach(version -> all.add(summary(version)));
    return all.build();
  }

  @GET
  @Path("{version}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject version(@PathParam("version") String version) {
    int number = QueryParameters.versionInPath(version, "No such version of the agreement.");
    AgreementVersion found =
        agreements
            .version(number)
            .orElseThrow(() -> Refusal.notFound("No such version of the agreement."));
    return JSON.createObjectBuilder(summary(found)).add("text", found.agreement().text()).build();
  }

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response publish(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    String text = body.get("text") instanceof JsonString value ? value.getString() : null;
    DataAccessAgreements.Published published = agreements.publish(requestCaller.get(), text);
    LoggedEntry logged = published.audit().awaitLogged(AUDIT_WAIT);
    JsonObject json =
        JSON.createObjectBuilder(summary(published.version()))
            .add("auditIndex", logged.index())
            .build();
    return Response.created(
            uri.getBaseUriBuilder()
                .path("v1/agreements")
                .path(String.valueOf(published.version().version()))
                .build())
        .type(MediaType.APPLICATION_JSON)
        .entity(json.toString())
        .build();
  }

  private static JsonObject summary(AgreementVersion version) {
    return JSON.createObjectBuilder()
        .add("version", version.version())
        .add("sha256", version.agreement().sha256())
        .add("publishedAt", version.publishedAt().toString())
        .build();
  }
}
