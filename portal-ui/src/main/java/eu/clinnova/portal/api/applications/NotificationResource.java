package eu.clinnova.portal.api.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.workflow.notification.Notifications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's notifications (to them and to their review groups): {@code GET
 * /api/v1/me/notifications} (the newest 50, each with the application's title and whether the
 * caller read it), {@code GET …/unread} (how many they have not read), {@code POST …/{id}/read} and
 * {@code POST …/read} (all).
 */
@Path("v1/me/notifications")
@RequestScoped
public class NotificationResource {

  static final int LIMIT = 50;

  @Inject Notifications notifications;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    notifications
        .of(requestCaller.get(), LIMIT)
        .forEach(notification -> all.add(ApplicationJson.notification(notification)));
    return Response.ok(all.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("unread")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject unread() {
    return JSON.createObjectBuilder()
        .add("count", notifications.unread(requestCaller.get()))
        .build();
  }

  @POST
  @Path("{id}/read")
  public Response read(@PathParam("id") String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      // not a notification's number: unknown, like one addressed to someone else
      throw eu.clinnova.consent.application.Refusal.notFound("No such notification.");
    }
    notifications.markRead(requestCaller.get(), number);
    return Response.noContent().build();
  }

  @POST
  @Path("read")
  public Response readAll() {
    notifications.markAllRead(requestCaller.get());
    return Response.noContent().build();
  }
}
