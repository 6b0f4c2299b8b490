package eu.clinnova.portal.api.consent;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormDocument;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Comparator;

/**
 * {@code GET /api/v1/consent/forms}: the current version of every form, for anyone signed in (no
 * role annotation: any authenticated caller); {@code POST}: an administrator publishes a form or
 * its next version; {@code GET /api/v1/consent/forms/{id}/versions/{version}}: any version (for
 * "what changed").
 */
@Path("v1/consent/forms")
@RequestScoped
public class ConsentFormResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);

  @Inject ConsentForms forms;
  @Inject RequestCaller requestCaller;
  @Context UriInfo uri;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray active() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    forms.active().stream()
        .sorted(Comparator.comparing(ConsentForm::jurisdiction).thenComparing(ConsentForm::id))
        .map(FormDocument::json)
        .forEach(all::add);
    return all.build();
  }

  @GET
  @Path("{id}/versions/{version}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject version(@PathParam("id") String id, @PathParam("version") String version) {
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw Refusal.notFound("No such form version.");
    }
    return forms
        .find(id, number)
        .map(FormDocument::json)
        .orElseThrow(() -> new ProblemException(Problem.notFound("No such form version.")));
  }

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response publish(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    ConsentForms.Published published = forms.publish(requestCaller.get(), FormDocument.parse(body));
    LoggedEntry logged = published.audit().awaitLogged(AUDIT_WAIT);
    ConsentForm form = published.form();
    JsonObject json =
        JSON.createObjectBuilder(FormDocument.json(form))
            .add("reconsentRequests", published.reconsentRequests())
            .add("auditIndex", logged.index())
            .build();
    return Response.created(
            uri.getBaseUriBuilder()
                .path("v1/consent/forms")
                .path(form.id())
                .path("versions")
                .path(String.valueOf(form.version()))
                .build())
        .type(MediaType.APPLICATION_JSON)
        .entity(json.toString())
        .build();
  }
}
