package eu.clinnova.portal.api.deadlines;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.review.Deadlines;
import eu.clinnova.workflow.review.OpenDeadline;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/deadlines}: the open steps of the reviews with their legal or configured due
 * dates, soonest first (committees their own jurisdictions, administrators and compliance officers
 * every one).
 */
@Path("v1/deadlines")
@RequestScoped
public class DeadlineResource {

  @Inject Deadlines deadlines;
  @Inject RequestCaller requestCaller;

  @GET
  @RolesAllowed({
    Role.Names.DAC_MEMBER,
    Role.Names.DAC_CHAIR,
    Role.Names.ADMIN,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray list() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    deadlines.open(requestCaller.get()).forEach(deadline -> all.add(json(deadline)));
    return all.build();
  }

  static JsonObject json(OpenDeadline deadline) {
    var json =
        JSON.createObjectBuilder()
            .add("applicationId", deadline.applicationId().toString())
            .add("title", deadline.applicationTitle());
    deadline
        .jurisdiction()
        .ifPresentOrElse(
            code -> json.add("jurisdiction", code), () -> json.add("jurisdiction", JsonValue.NULL));
    return json.add("step", deadline.step())
        .add("due", deadline.due().toString())
        .add("overdue", deadline.overdue())
        .add("extended", deadline.extended())
        .build();
  }
}
