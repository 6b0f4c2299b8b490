package eu.clinnova.portal.api.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.SafeFileName;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.QueryParameters;
import eu.clinnova.portal.api.UploadedFile;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.portal.http.ContentDisposition;
import eu.clinnova.workflow.application.AgreementAcceptance;
import eu.clinnova.workflow.application.ApplicationFilter;
import eu.clinnova.workflow.application.ApplicationQueries;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.Applications;
import eu.clinnova.workflow.application.CloseOuts;
import eu.clinnova.workflow.application.Submissions;
import eu.clinnova.workflow.application.Withdrawals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/applications}: researchers draft, attach, declare ethics approvals, submit,
 * withdraw and accept the agreement; reviewers and compliance read. Whose application it is, and
 * which jurisdictions it concerns, is checked by the services on every call.
 */
@Path("v1/applications")
@RequestScoped
public class ApplicationResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);
  static final long MAX_REQUEST_BYTES = Applications.MAX_ATTACHMENT_BYTES + 64 * 1024;

  @Inject Applications applications;
  @Inject Submissions submissions;
  @Inject Withdrawals withdrawals;
  @Inject CloseOuts closeOuts;
  @Inject AgreementAcceptance acceptance;
  @Inject ApplicationQueries queries;
  @Inject RequestCaller requestCaller;
  @Context UriInfo uri;

  /**
   * The applications the caller may see, most recently changed first, a page at a time: {@code
   * limit} (1 to 500, default 500), and for the next page {@code before} and {@code beforeId} (the
   * {@code updatedAt} and {@code id} of the last one shown), which the {@code Link} header's {@code
   * rel="next"} carries whenever another page may follow.
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(
      @QueryParam("before") String before,
      @QueryParam("beforeId") String beforeId,
      @QueryParam("limit") String limit,
      @QueryParam("state") String state,
      @QueryParam("jurisdiction") String jurisdiction,
      @QueryParam("dataset") String dataset,
      @QueryParam("changedFrom") String changedFrom,
      @QueryParam("changedBefore") String changedBefore,
      @QueryParam("q") String title) {
    List<Problem.FieldError> errors = new ArrayList<>();
    ApplicationFilter filter =
        ApplicationCommands.filter(
            state, jurisdiction, dataset, changedFrom, changedBefore, title, errors);
    Optional<QueryParameters.PageEnd> after =
        QueryParameters.PageEnd.of(before, beforeId, "an application id", errors);
    int size =
        QueryParameters.limit(
            limit, ApplicationQueries.MAX_PAGE, ApplicationQueries.MAX_PAGE, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("Invalid listing.", errors));
    }
    ApplicationQueries.Page page =
        queries.list(
            requestCaller.get(),
            filter,
            after.map(end -> new ApplicationStore.PageEnd(end.before(), end.beforeId())),
            size);
    JsonArrayBuilder all = JSON.createArrayBuilder();
    page.applications().forEach(application -> all.add(ApplicationJson.summary(application)));
    Response.ResponseBuilder response =
        Response.ok(all.build().toString(), MediaType.APPLICATION_JSON);
    page.next()
        .ifPresent(
            end ->
                response.links(
                    new QueryParameters.PageEnd(end.updatedAt(), end.id()).next(uri, size)));
    return response.build();
  }

  @POST
  @RolesAllowed(Role.Names.RESEARCHER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(JsonObject body) {
    Caller caller = requestCaller.get();
    Applications.Changed created =
        applications.create(caller, caller.username(), ApplicationCommands.draft(body));
    long index = logged(created.audit());
    return Response.created(
            uri.getBaseUriBuilder()
                .path("v1/applications")
                .path(created.application().id().toString())
                .build())
        .type(MediaType.APPLICATION_JSON)
        .entity(withAudit(read(created.application().id()), index))
        .build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@PathParam("id") String id) {
    return Response.ok(read(uuid(id)).toString(), MediaType.APPLICATION_JSON).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("id") String id, JsonObject body) {
    Applications.Changed saved =
        applications.update(requestCaller.get(), uuid(id), ApplicationCommands.draft(body));
    return ok(saved);
  }

  /**
   * The applicant deletes a draft never submitted that holds no document: 204, and it is gone from
   * every list (the log keeps {@code application.discarded}).
   */
  @DELETE
  @Path("{id}")
  public Response discard(@PathParam("id") String id) {
    logged(applications.discard(requestCaller.get(), uuid(id)).audit());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/attachments")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response attach(
      @PathParam("id") String id,
      @HeaderParam("Content-Length") Long contentLength,
      List<EntityPart> parts) {
    UUID applicationId = uuid(id);
    if (contentLength != null && contentLength > MAX_REQUEST_BYTES) {
      throw Applications.tooLarge();
    }
    UploadedFile file =
        UploadedFile.of(parts, Applications.MAX_ATTACHMENT_BYTES, Applications::tooLarge)
            .orElseThrow(() -> Refusal.invalid("file", "the file goes in a part named file"));
    Applications.Attached attached =
        applications.attach(
            requestCaller.get(),
            applicationId,
            file.fileName(),
            file.declaredType(),
            file.content());
    long index = logged(attached.audit());
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON)
        .entity(withAudit(ApplicationJson.attachment(attached.attachment()), index))
        .build();
  }

  @GET
  @Path("{id}/attachments/{attachmentId}")
  public Response download(
      @PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
    var found =
        queries
            .attachment(requestCaller.get(), uuid(id), uuid(attachmentId))
            .orElseThrow(() -> new ProblemException(Problem.notFound("No such attachment.")));
    // The type its bytes were checked to be at upload, saved rather than shown (issue 16).
    String mediaType = found.getKey().mediaType();
    return Response.ok(found.getValue(), mediaType)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment(SafeFileName.of(found.getKey().fileName(), mediaType)))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The applicant says what a file is: {@code {"kind": "protocol"}}; 200 with the file. */
  @PUT
  @Path("{id}/attachments/{attachmentId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response labelAttachment(
      @PathParam("id") String id, @PathParam("attachmentId") String attachmentId, JsonObject body) {
    Applications.Attached labelled =
        applications.labelAttachment(
            requestCaller.get(),
            uuid(id),
            uuid(attachmentId),
            body == null ? null : body.getString("kind", null));
    long index = logged(labelled.audit());
    return Response.ok(
            withAudit(ApplicationJson.attachment(labelled.attachment()), index),
            MediaType.APPLICATION_JSON)
        .build();
  }

  /** The applicant removes a file from an application they can still edit: 204. */
  @DELETE
  @Path("{id}/attachments/{attachmentId}")
  public Response removeAttachment(
      @PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
    logged(
        applications.removeAttachment(requestCaller.get(), uuid(id), uuid(attachmentId)).audit());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/ethics-approvals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response addEthicsApproval(@PathParam("id") String id, JsonObject body) {
    Applications.EthicsAdded added =
        applications.addEthicsApproval(
            requestCaller.get(), uuid(id), ApplicationCommands.ethicsDeclaration(body));
    long index = logged(added.audit());
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON)
        .entity(withAudit(ApplicationJson.ethics(added.approval()), index))
        .build();
  }

  @POST
  @Path("{id}/submit")
  @Produces(MediaType.APPLICATION_JSON)
  public Response submit(@PathParam("id") String id) {
    return ok(submissions.submit(requestCaller.get(), uuid(id)));
  }

  @POST
  @Path("{id}/amendments")
  @Produces(MediaType.APPLICATION_JSON)
  public Response amend(@PathParam("id") String id) {
    return created(submissions.amend(requestCaller.get(), uuid(id)));
  }

  /** A renewal: a linked draft ({@code renews}) holding the approved content. */
  @POST
  @Path("{id}/renewal")
  @Produces(MediaType.APPLICATION_JSON)
  public Response renew(@PathParam("id") String id) {
    return created(submissions.renew(requestCaller.get(), uuid(id)));
  }

  private Response created(Applications.Changed draft) {
    long index = logged(draft.audit());
    return Response.created(
            uri.getBaseUriBuilder()
                .path("v1/applications")
                .path(draft.application().id().toString())
                .build())
        .type(MediaType.APPLICATION_JSON)
        .entity(withAudit(read(draft.application().id()), index))
        .build();
  }

  @POST
  @Path("{id}/withdraw")
  @Produces(MediaType.APPLICATION_JSON)
  public Response withdraw(@PathParam("id") String id) {
    return ok(withdrawals.withdraw(requestCaller.get(), uuid(id)));
  }

  @POST
  @Path("{id}/agreement")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response acceptAgreement(@PathParam("id") String id, JsonObject body) {
    Applications.Changed accepted =
        acceptance.acceptAgreement(
            requestCaller.get(), uuid(id), ApplicationCommands.agreementAnswer(body));
    long index = logged(accepted.audit());
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON)
        .entity(withAudit(read(accepted.application().id()), index))
        .build();
  }

  /** The applicant closes the approved project with its report: {results, publications?}. */
  @POST
  @Path("{id}/close-out")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response closeOut(@PathParam("id") String id, JsonObject body) {
    JsonObject json = required(body);
    String results = json.get("results") instanceof JsonString text ? text.getString() : null;
    List<String> publications = new ArrayList<>();
    JsonValue listed = json.get("publications");
    if (listed != null && listed != JsonValue.NULL) {
      if (!(listed instanceof JsonArray array)
          || !array.stream().allMatch(item -> item instanceof JsonString)) {
        throw new ProblemException(
            Problem.invalid(
                "The close-out report is invalid.",
                List.of(
                    new Problem.FieldError(
                        "publications", "must be a list of DOIs or addresses (strings)"))));
      }
      array.getValuesAs(JsonString.class).forEach(item -> publications.add(item.getString()));
    }
    return ok(closeOuts.close(requestCaller.get(), uuid(id), results, publications));
  }

  private Response ok(Applications.Changed changed) {
    long index = logged(changed.audit());
    return Response.ok(
            withAudit(read(changed.application().id()), index), MediaType.APPLICATION_JSON)
        .build();
  }

  private JsonObject read(UUID id) {
    return ApplicationJson.file(queries.file(requestCaller.get(), id));
  }

  private static String withAudit(JsonObject json, long index) {
    return JSON.createObjectBuilder(json).add("auditIndex", index).build().toString();
  }

  static long logged(PendingAudit audit) {
    LoggedEntry logged = audit.awaitLogged(AUDIT_WAIT);
    return logged.index();
  }

  static JsonObject required(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    return body;
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.notFound("No such application."));
    }
  }
}
