package eu.clinnova.portal.api.me;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's identity, roles and jurisdictions, as the server derived them from the token. */
@Path("v1/me")
@RequestScoped
public class MeResource {

  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject me() {
    Caller caller = requestCaller.get();
    JsonArrayBuilder roles = JSON.createArrayBuilder();
    caller.roles().stream().map(Role::tokenName).sorted().forEach(roles::add);
    JsonArrayBuilder jurisdictions = JSON.createArrayBuilder();
    caller.jurisdictions().stream().map(Enum::name).sorted().forEach(jurisdictions::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("sub", caller.subject())
            .add("username", nullToEmpty(caller.username()))
            .add("name", nullToEmpty(caller.displayName()))
            .add("clientId", nullToEmpty(caller.clientId()))
            .add("roles", roles)
            .add("jurisdictions", jurisdictions);
    if (caller.email() != null) {
      json.add("email", caller.email());
    }
    caller.psn().ifPresent(psn -> json.add("psn", psn));
    return json.build();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
