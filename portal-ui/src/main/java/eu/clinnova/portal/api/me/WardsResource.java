package eu.clinnova.portal.api.me;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.AccountActivation;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/me/wards}: the pseudonyms of the minors the caller is a guardian of. A
 * guardian acts for them (consent, withdrawal, history, receipts) until they come of age.
 */
@Path("v1/me/wards")
@RequestScoped
public class WardsResource {

  @Inject AccountActivation activation;
  @Inject RequestCaller requestCaller;

  @GET
  @RolesAllowed(Role.Names.PATIENT)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray wards() {
    JsonArrayBuilder wards = JSON.createArrayBuilder();
    activation.wards(requestCaller.get()).forEach(wards::add);
    return wards.build();
  }
}
