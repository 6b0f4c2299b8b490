package eu.clinnova.portal.api.committees;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.committee.Committee;
import eu.clinnova.workflow.committee.CommitteeRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/committees} (staff, committees, administrators, compliance officers) and
 * {@code PUT /api/v1/committees/{jurisdiction}} (an administrator: a new version).
 */
@Path("v1/committees")
@RequestScoped
public class CommitteeResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);
  static final List<String> FIELDS =
      List.of("quorum", "reminderDays", "escalationDays", "decisionDays");

  @Inject CommitteeRules rules;
  @Inject RequestCaller requestCaller;

  @GET
  @RolesAllowed({
    Role.Names.DATA_STEWARD,
    Role.Names.DAC_MEMBER,
    Role.Names.DAC_CHAIR,
    Role.Names.ADMIN,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray list() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    rules.current(requestCaller.get()).forEach(committee -> all.add(json(committee)));
    return all.build();
  }

  @PUT
  @Path("{jurisdiction}")
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject change(@PathParam("jurisdiction") String jurisdiction, JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    int[] values = new int[FIELDS.size()];
    for (int i = 0; i < FIELDS.size(); i++) {
      String field = FIELDS.get(i);
      if (body.get(field) instanceof JsonNumber number && number.isIntegral()) {
        try {
          values[i] = number.intValueExact();
        } catch (ArithmeticException e) {
          values[i] = -1; // out of every range: the rules say which
        }
      } else {
        errors.add(new Problem.FieldError(field, "must be a whole number"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("The committee's rules are invalid.", errors));
    }
    CommitteeRules.Changed changed =
        rules.change(
            requestCaller.get(),
            jurisdiction,
            new Committee.Rules(values[0], values[1], values[2], values[3]));
    var json = JSON.createObjectBuilder(json(changed.committee()));
    changed
        .audit()
        .ifPresent(audit -> json.add("auditIndex", audit.awaitLogged(AUDIT_WAIT).index()));
    return json.build();
  }

  static JsonObject json(Committee committee) {
    return JSON.createObjectBuilder()
        .add("jurisdiction", committee.jurisdiction())
        .add("quorum", committee.rules().quorum())
        .add("reminderDays", committee.rules().reminderDays())
        .add("escalationDays", committee.rules().escalationDays())
        .add("decisionDays", committee.rules().decisionDays())
        .add("version", committee.version())
        .add("changedAt", committee.changedAt().toString())
        .build();
  }
}
