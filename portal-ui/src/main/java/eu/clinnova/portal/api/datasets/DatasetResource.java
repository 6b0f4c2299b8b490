package eu.clinnova.portal.api.datasets;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.catalogue.CatalogueEntry;
import eu.clinnova.workflow.catalogue.DatasetCatalogue;
import eu.clinnova.workflow.catalogue.DatasetDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/datasets} (anyone signed in; filters {@code jurisdiction}, {@code cohort}),
 * {@code GET /api/v1/datasets/{id}}, and {@code POST /api/v1/datasets} (admin) to publish one.
 */
@Path("v1/datasets")
@RequestScoped
public class DatasetResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);

  @Inject DatasetCatalogue catalogue;
  @Inject RequestCaller requestCaller;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray list(
      @QueryParam("jurisdiction") String jurisdiction, @QueryParam("cohort") String cohort) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (jurisdiction != null && !Jurisdiction.isCode(jurisdiction)) {
      errors.add(new Problem.FieldError("jurisdiction", "must be one of LU, FR, DE, CH"));
    }
    if (cohort != null && !Set.of("IBD", "RA", "MS").contains(cohort)) {
      errors.add(new Problem.FieldError("cohort", "must be one of IBD, RA, MS"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("Invalid filters.", errors));
    }
    JsonArrayBuilder all = JSON.createArrayBuilder();
    catalogue.list(jurisdiction, cohort).stream().map(DatasetDocument::json).forEach(all::add);
    return all.build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject get(@PathParam("id") String id) {
    return catalogue
        .entry(id)
        .map(DatasetResource::json)
        .orElseThrow(() -> new ProblemException(Problem.notFound("No such dataset.")));
  }

  /** The next version of the dataset (an administrator); its id, jurisdiction and cohort stay. */
  @PUT
  @Path("{id}")
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject revise(@PathParam("id") String id, JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    return changed(catalogue.revise(requestCaller.get(), id, DatasetDocument.parse(body)));
  }

  /** No new applications; entitlements already granted run out as granted (an administrator). */
  @POST
  @Path("{id}/retire")
  @RolesAllowed(Role.Names.ADMIN)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject retire(@PathParam("id") String id) {
    return changed(catalogue.retire(requestCaller.get(), id));
  }

  private static JsonObject changed(DatasetCatalogue.Outcome outcome) {
    if (outcome instanceof DatasetCatalogue.Outcome.NotFound) {
      throw new ProblemException(Problem.notFound("No such dataset."));
    }
    if (outcome instanceof DatasetCatalogue.Outcome.Invalid invalid) {
      throw new ProblemException(
          Problem.invalid(
              "The dataset is invalid.",
              invalid.problems().stream()
                  .map(problem -> new Problem.FieldError(problem.field(), problem.message()))
                  .toList()));
    }
    DatasetCatalogue.Outcome.Revised revised = (DatasetCatalogue.Outcome.Revised) outcome;
    var json = JSON.createObjectBuilder(json(revised.entry()));
    revised
        .audit()
        .ifPresent(audit -> json.add("auditIndex", audit.awaitLogged(AUDIT_WAIT).index()));
    return json.build();
  }

  /** The dataset's document, with its version and, once retired, since when. */
  static JsonObject json(CatalogueEntry entry) {
    var json =
        JSON.createObjectBuilder(DatasetDocument.json(entry.dataset()))
            .add("version", entry.version());
    entry.retiredAt().ifPresent(at -> json.add("retiredAt", at.toString()));
    return json.build();
  }

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response publish(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    DatasetCatalogue.Outcome outcome =
        catalogue.publish(
            new AuditEvent.Actor(requestCaller.get().subject(), "admin"),
            DatasetDocument.parse(body));
    if (outcome instanceof DatasetCatalogue.Outcome.Invalid invalid) {
      throw new ProblemException(
          Problem.invalid(
              "The dataset is invalid.",
              invalid.problems().stream()
                  .map(problem -> new Problem.FieldError(problem.field(), problem.message()))
                  .toList()));
    }
    if (outcome instanceof DatasetCatalogue.Outcome.AlreadyExists) {
      throw new ProblemException(
          Problem.of(409, "dataset-exists", "Conflict", "A dataset with this id exists."));
    }
    DatasetCatalogue.Outcome.Published published = (DatasetCatalogue.Outcome.Published) outcome;
    LoggedEntry logged = published.audit().awaitLogged(AUDIT_WAIT);
    return Response.created(
            uri.getBaseUriBuilder().path("v1/datasets").path(published.dataset().id()).build())
        .type(MediaType.APPLICATION_JSON)
        .entity(
            JSON.createObjectBuilder(DatasetDocument.json(published.dataset()))
                .add("auditIndex", logged.index())
                .build()
                .toString())
        .build();
  }
}
