package eu.clinnova.portal.api.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.application.ApplicationQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/me/notifications}: the newest 50 about applications the caller cares about.
 */
@Path("v1/me/notifications")
@RequestScoped
public class NotificationResource {

  static final int LIMIT = 50;

  @Inject ApplicationQueries queries;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    queries
        .notifications(requestCaller.get(), LIMIT)
        .forEach(notification -> all.add(ApplicationJson.notification(notification)));
    return Response.ok(all.build().toString(), MediaType.APPLICATION_JSON).build();
  }
}
