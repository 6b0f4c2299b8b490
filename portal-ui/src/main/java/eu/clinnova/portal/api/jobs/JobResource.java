package eu.clinnova.portal.api.jobs;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.PatientImport;
import eu.clinnova.consent.registry.ImportJob;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * {@code GET /api/v1/jobs/{id}}: a background job, for whoever started it and for administrators;
 * anyone else is told there is no such job.
 */
@Path("v1/jobs")
@RequestScoped
public class JobResource {

  @Inject PatientImport imports;
  @Inject RequestCaller requestCaller;

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject get(@PathParam("id") String id) {
    UUID jobId;
    try {
      jobId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.notFound("No such job."));
    }
    return imports
        .job(requestCaller.get(), jobId)
        .map(JobResource::json)
        .orElseThrow(() -> new ProblemException(Problem.notFound("No such job.")));
  }

  static JsonObject json(ImportJob job) {
    JsonArrayBuilder errors = JSON.createArrayBuilder();
    job.errors()
        .forEach(
            error ->
                errors.add(
                    JSON.createObjectBuilder()
                        .add("line", error.line())
                        .add("message", error.message())));
    var json =
        JSON.createObjectBuilder()
            .add("id", job.id().toString())
            .add("kind", job.kind())
            .add("state", job.state().code())
            .add("total", job.total())
            .add("done", job.done())
            .add("errors", errors)
            .add("errorCount", job.errorCount())
            .add("enrolled", job.enrolled())
            .add("alreadyEnrolled", job.alreadyEnrolled())
            .add("createdAt", job.createdAt().toString());
    job.finishedAt().ifPresent(at -> json.add("finishedAt", at.toString()));
    job.failure().ifPresent(failure -> json.add("failure", failure));
    return json.build();
  }
}
