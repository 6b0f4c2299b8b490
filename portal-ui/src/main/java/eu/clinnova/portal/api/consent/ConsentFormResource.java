package eu.clinnova.portal.api.consent;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormDiff;
import eu.clinnova.consent.form.FormDocument;
import eu.clinnova.consent.form.FormDraft;
import eu.clinnova.consent.form.FormPreview;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;

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
    int number = QueryParameters.versionInPath(version, "No such form version.");
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
    return created(forms.publish(requestCaller.get(), FormDocument.parse(body)));
  }

  /** The form's draft (the next version being prepared), for administrators. */
  @GET
  @Path("{id}/draft")
  @RolesAllowed(Role.Names.ADMIN)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject draft(@PathParam("id") String id) {
    return forms
        .draft(requestCaller.get(), id)
        .map(ConsentFormResource::json)
        .orElseThrow(() -> Refusal.notFound("This form has no draft."));
  }

  /**
   * Saves the form's draft, replacing the one before; nothing is in force until it is published.
   */
  @PUT
  @Path("{id}/draft")
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject saveDraft(@PathParam("id") String id, JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    return json(forms.saveDraft(requestCaller.get(), id, FormDocument.parse(body)));
  }

  @DELETE
  @Path("{id}/draft")
  @RolesAllowed(Role.Names.ADMIN)
  public Response discardDraft(@PathParam("id") String id) {
    forms.discardDraft(requestCaller.get(), id);
    return Response.noContent().build();
  }

  /**
   * The draft against the version in force: each changed text (part, module, language, before,
   * after) and how many patients publishing it as a major version asks to consent again.
   */
  @GET
  @Path("{id}/draft/preview")
  @RolesAllowed(Role.Names.ADMIN)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject preview(@PathParam("id") String id) {
    FormPreview preview =
        forms
            .preview(requestCaller.get(), id)
            .orElseThrow(() -> Refusal.notFound("This form has no draft."));
    JsonArrayBuilder changes = JSON.createArrayBuilder();
    for (FormDiff.Change change : preview.changes()) {
      JsonObjectBuilder item =
          JSON.createObjectBuilder().add("part", change.part().name().toLowerCase(Locale.ROOT));
      if (change.module() != null) {
        item.add("module", change.module());
      }
      if (!change.language().isEmpty()) {
        item.add("language", change.language());
      }
      changes.add(item.add("before", change.before()).add("after", change.after()));
    }
    return JSON.createObjectBuilder()
        .add("draft", json(preview.draft()))
        .add("inForce", FormDocument.json(preview.inForce()))
        .add("changes", changes)
        .add("reconsentOnMajor", preview.reconsentOnMajor())
        .add("askedAgainIfMajor", preview.askedAgainIfMajor())
        .add("askedAgain", preview.askedAgain())
        .build();
  }

  /** Publishes the draft as it stands (minor or major, as it says); the draft goes. */
  @POST
  @Path("{id}/draft/publish")
  @RolesAllowed(Role.Names.ADMIN)
  @Produces(MediaType.APPLICATION_JSON)
  public Response publishDraft(@PathParam("id") String id) {
    return created(forms.publishDraft(requestCaller.get(), id));
  }

  private Response created(ConsentForms.Published published) {
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

  private static JsonObject json(FormDraft draft) {
    return JSON.createObjectBuilder(FormDocument.json(draft.form()))
        .remove("publishedAt")
        .add("savedBy", draft.savedBy())
        .add("savedAt", draft.savedAt().toString())
        .build();
  }
}
