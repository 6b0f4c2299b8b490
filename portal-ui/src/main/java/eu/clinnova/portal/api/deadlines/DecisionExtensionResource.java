package eu.clinnova.portal.api.deadlines;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.deadline.Deadline;
import eu.clinnova.workflow.review.Deadlines;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/applications/{id}/decision-extension} {@code {jurisdiction, reason}}: the
 * chair extends the jurisdiction's decision once, before it is due, by the committee's decision
 * days; answers the clock with its new date.
 */
@Path("v1/applications/{id}/decision-extension")
@RequestScoped
public class DecisionExtensionResource {

  private static final Duration AUDIT_WAIT = Duration.ofSeconds(5);
  private static final Set<String> JURISDICTIONS = Set.of("LU", "FR", "DE", "CH");

  @Inject Deadlines deadlines;
  @Inject RequestCaller requestCaller;

  @POST
  @RolesAllowed(Role.Names.DAC_CHAIR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject extend(@PathParam("id") String id, JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    String jurisdiction =
        body.get("jurisdiction") instanceof JsonString code ? code.getString() : null;
    if (jurisdiction == null || !JURISDICTIONS.contains(jurisdiction)) {
      errors.add(new Problem.FieldError("jurisdiction", "must be one of LU, FR, DE, CH"));
    }
    String reason = body.get("reason") instanceof JsonString text ? text.getString() : null;
    if (reason == null || reason.isBlank()) {
      errors.add(new Problem.FieldError("reason", "must say why the decision takes longer"));
    }
    UUID applicationId = null;
    try {
      applicationId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError("id", "is not an application id"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("The extension is invalid.", errors));
    }
    Deadlines.Extended extended =
        deadlines.extend(requestCaller.get(), applicationId, jurisdiction, reason);
    Deadline deadline = extended.deadline();
    Deadline.Extension extension = deadline.extension().orElseThrow();
    return JSON.createObjectBuilder()
        .add("applicationId", deadline.applicationId().toString())
        .add("jurisdiction", jurisdiction)
        .add("step", deadline.step().code())
        .add("due", deadline.due().toString())
        .add("extendedAt", extension.at().toString())
        .add("reason", extension.reason())
        .add("auditIndex", extended.audit().awaitLogged(AUDIT_WAIT).index())
        .build();
  }
}
