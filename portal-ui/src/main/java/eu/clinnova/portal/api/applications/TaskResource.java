package eu.clinnova.portal.api.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.review.Reviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * {@code GET /api/v1/tasks} (the caller's open review tasks, overdue and soonest first) and {@code
 * POST /api/v1/tasks/{id}/complete} (check, vote, declare a conflict, decide).
 */
@Path("v1/tasks")
@RequestScoped
@RolesAllowed({Role.Names.DATA_STEWARD, Role.Names.DAC_MEMBER, Role.Names.DAC_CHAIR})
public class TaskResource {

  @Inject Reviews reviews;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list() {
    Instant now = Instant.now();
    JsonArrayBuilder all = JSON.createArrayBuilder();
    reviews
        .openTasks(requestCaller.get())
        .forEach(task -> all.add(ApplicationJson.task(task, now)));
    return Response.ok(all.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response complete(@PathParam("id") String id, JsonObject body) {
    Caller caller = requestCaller.get();
    Reviews.Completed completed =
        reviews.complete(caller, caller.username(), id, ApplicationCommands.taskOutcome(body));
    long index = ApplicationResource.logged(completed.audit());
    return Response.ok(
            JSON.createObjectBuilder()
                .add("taskId", id)
                .add("taskClosed", completed.taskClosed())
                .add("auditIndex", index)
                .build()
                .toString(),
            MediaType.APPLICATION_JSON)
        .build();
  }
}
