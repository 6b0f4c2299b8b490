package eu.clinnova.portal.api.messages;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Role;
import eu.clinnova.messages.delivery.Attempt;
import eu.clinnova.messages.delivery.DeliveryLog;
import eu.clinnova.messages.delivery.DeliveryView;
import eu.clinnova.portal.api.QueryParameters;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/messages/deliveries?state=&before=&limit=} and {@code GET
 * /api/v1/messages/deliveries/{id}} (administrators): the portal's e-mails, newest first, where
 * each stands ({@code pending}, {@code sent}, {@code gave-up}), and every attempt with the mail
 * server's answer.
 */
@Path("v1/messages/deliveries")
@RequestScoped
@RolesAllowed(Role.Names.ADMIN)
public class DeliveryResource {

  static final List<String> STATES = List.of("pending", "sent", "gave-up");

  @Inject DeliveryLog log;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject list(
      @QueryParam("state") String state,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Optional<String> chosenState = QueryParameters.text(state);
    if (chosenState.isPresent() && !STATES.contains(chosenState.get())) {
      errors.add(new Problem.FieldError("state", "must be one of pending, sent, gave-up"));
    }
    Optional<Long> end = Optional.empty();
    if (QueryParameters.text(before).isPresent()) {
      try {
        end = Optional.of(Long.parseLong(before.strip()));
      } catch (NumberFormatException e) {
        errors.add(
            new Problem.FieldError("before", "must be a delivery's number: the next of a page"));
      }
    }
    int size = QueryParameters.limit(limit, 50, 200, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("The query is invalid.", errors));
    }
    List<DeliveryView> page = log.newest(chosenState, end, size + 1);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    page.stream().limit(size).forEach(delivery -> items.add(json(delivery).build()));
    JsonObjectBuilder json = JSON.createObjectBuilder().add("items", items);
    JsonObjectBuilder counts = JSON.createObjectBuilder();
    log.counts().forEach(counts::add);
    json.add("counts", counts);
    if (page.size() > size) {
      json.add("next", String.valueOf(page.get(size - 1).id()));
    }
    return json.build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject one(@PathParam("id") String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ProblemException(Problem.notFound("No such delivery."));
    }
    DeliveryView delivery =
        log.find(number)
            .orElseThrow(() -> new ProblemException(Problem.notFound("No such delivery.")));
    JsonArrayBuilder attempts = JSON.createArrayBuilder();
    for (Attempt attempt : log.attempts(number)) {
      JsonObjectBuilder entry =
          JSON.createObjectBuilder()
              .add("at", attempt.at().toString())
              .add("outcome", attempt.outcome());
      attempt.error().ifPresent(error -> entry.add("error", error));
      attempts.add(entry);
    }
    return json(delivery).add("attempts", attempts).build();
  }

  static JsonObjectBuilder json(DeliveryView delivery) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", delivery.id())
            .add("kind", delivery.kind())
            .add("recipient", delivery.recipient())
            .add("address", delivery.address())
            .add("language", delivery.language())
            .add("subject", delivery.subject())
            .add("state", delivery.state())
            .add("attempts", delivery.attempts())
            .add("createdAt", delivery.createdAt().toString());
    delivery.applicationId().ifPresent(id -> json.add("applicationId", id.toString()));
    if (delivery.state().equals("pending")) {
      json.add("nextAttemptAt", delivery.nextAttemptAt().toString());
    }
    delivery.sentAt().ifPresent(at -> json.add("sentAt", at.toString()));
    delivery.lastError().ifPresent(error -> json.add("lastError", error));
    return json;
  }
}
