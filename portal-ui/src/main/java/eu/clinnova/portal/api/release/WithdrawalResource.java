package eu.clinnova.portal.api.release;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.WithdrawalNotices;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.QueryParameters;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/withdrawals?since=} (a node, its own jurisdiction): the withdrawals and
 * objections recorded after {@code since}, oldest first, each with the earlier releases that
 * included the patient ({@code [{psn, modules, at, releases}]}; modules {@code ["*"]} for all).
 */
@Path("v1/withdrawals")
@RequestScoped
@RolesAllowed(Role.Names.NODE)
public class WithdrawalResource {

  @Inject WithdrawalNotices notices;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray since(@QueryParam("since") String since) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Optional<Instant> from = QueryParameters.instant("since", since, errors);
    if (from.isEmpty() && errors.isEmpty()) {
      errors.add(new Problem.FieldError("since", "is required: an RFC 3339 instant in UTC"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("The query is invalid.", errors));
    }
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (WithdrawalNotices.Withdrawal withdrawal : notices.since(requestCaller.get(), from.get())) {
      all.add(
          JSON.createObjectBuilder()
              .add("psn", withdrawal.psn())
              .add("modules", JSON.createArrayBuilder(withdrawal.modules()))
              .add("at", withdrawal.at().toString())
              .add("releases", JSON.createArrayBuilder(withdrawal.releases())));
    }
    return all.build();
  }
}
