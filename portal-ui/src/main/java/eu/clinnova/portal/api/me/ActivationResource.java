package eu.clinnova.portal.api.me;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.AccountActivation;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * {@code POST /api/v1/me/activation} {@code {code}}: a signed-in patient whose account has no
 * pseudonym yet enters the one-time code from their enrolment (their next token carries {@code
 * psn}), or a guardian enters the code for their child (they may then act for the minor: see {@code
 * GET /api/v1/me/wards}). Attempts are limited per account.
 */
@Path("v1/me/activation")
@RequestScoped
public class ActivationResource {

  @Inject AccountActivation activation;
  @Inject RequestCaller requestCaller;

  @POST
  @RolesAllowed(Role.Names.PATIENT)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response activate(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    String code = body.get("code") instanceof JsonString text ? text.getString() : null;
    if (code == null) {
      throw Refusal.invalid("code", "must be given");
    }
    AccountActivation.Activated activated = activation.activate(requestCaller.get(), code);
    LoggedEntry logged = activated.audit().awaitLogged(Duration.ofSeconds(5));
    return Response.ok(
            JSON.createObjectBuilder()
                .add("psn", activated.psn())
                .add("guardian", activated.guardian())
                .add("auditIndex", logged.index())
                .build()
                .toString(),
            MediaType.APPLICATION_JSON)
        .build();
  }
}
