package eu.clinnova.portal.api.consent;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.ConsentQueries;
import eu.clinnova.consent.application.ConsentRecording;
import eu.clinnova.consent.application.ConsentRequest;
import eu.clinnova.consent.application.PersonalDataReads;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.StaffRecords;
import eu.clinnova.consent.application.WholeNumber;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.PatientForm;
import eu.clinnova.consent.receipt.ConsentReceipt;
import eu.clinnova.consent.receipt.ConsentStatement;
import eu.clinnova.consent.receipt.ReceiptPdf;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.portal.config.PortalEnvironment;
import eu.clinnova.portal.http.ContentDisposition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A patient's consent ({@code /api/v1/patients/{psn}/consents}): the current state (or as of an
 * instant), recording a consent, withdrawing, the history, receipts, re-consent requests and (for
 * non-opposition jurisdictions) the record that the patient was informed. {@code me} is the
 * caller's own pseudonym. Who may do what is decided by the registry, for every call.
 */
@Path("v1/patients/{psn}/consents")
@RequestScoped
public class ConsentResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);

  @Inject ConsentQueries queries;
  @Inject PersonalDataReads personalDataReads;
  @Inject ConsentRecording recording;
  @Inject StaffRecords staffRecords;
  @Inject RequestCaller requestCaller;
  @Inject eu.clinnova.consent.application.ConsentForms forms;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({Role.Names.PATIENT, Role.Names.DATA_STEWARD, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray current(@PathParam("psn") String psn, @QueryParam("asOf") String asOf) {
    Instant instant = Instant.now();
    if (asOf != null) {
      try {
        instant = Instant.parse(asOf);
      } catch (DateTimeParseException e) {
        throw Refusal.invalid("asOf", "must be an RFC 3339 time in UTC, like 2026-01-31T12:00:00Z");
      }
    }
    ConsentQueries.PatientConsent consent = queries.state(requestCaller.get(), psn(psn), instant);
    JsonArrayBuilder states = JSON.createArrayBuilder();
    for (ConsentModule module : ConsentModule.values()) {
      states.add(ConsentJson.state(consent, consent.states().get(module)));
    }
    return states.build();
  }

  @POST
  @RolesAllowed({Role.Names.PATIENT, Role.Names.DATA_STEWARD})
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response consent(@PathParam("psn") String psn, JsonObject body) {
    ConsentRequest request = parseConsent(body);
    ConsentRecording.Recorded recorded = recording.consent(requestCaller.get(), psn(psn), request);
    return created(psn(psn), recorded);
  }

  @POST
  @Path("withdrawal")
  @RolesAllowed({Role.Names.PATIENT, Role.Names.DATA_STEWARD})
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response withdraw(@PathParam("psn") String psn, JsonObject body) {
    if (body == null) {
      body = JsonValue.EMPTY_JSON_OBJECT;
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<String> modules = new ArrayList<>();
    JsonValue given = body.get("modules");
    if (given instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString code) {
          modules.add(code.getString());
        } else {
          problems.add(new FieldProblem("modules", "must list module codes"));
        }
      }
    } else if (given != null && given != JsonValue.NULL) {
      problems.add(new FieldProblem("modules", "must list module codes"));
    }
    String reason = null;
    if (body.get("reason") instanceof JsonString text) {
      reason = text.getString();
    } else if (body.containsKey("reason") && body.get("reason") != JsonValue.NULL) {
      problems.add(new FieldProblem("reason", "must be text"));
    }
    String evidence = null;
    if (body.get("evidenceAttachmentId") instanceof JsonString text) {
      evidence = text.getString();
    } else if (body.containsKey("evidenceAttachmentId")
        && body.get("evidenceAttachmentId") != JsonValue.NULL) {
      problems.add(new FieldProblem("evidenceAttachmentId", "must be an attachment id"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The withdrawal is invalid.", problems);
    }
    return created(
        psn(psn), recording.withdraw(requestCaller.get(), psn(psn), modules, reason, evidence));
  }

  @POST
  @Path("information")
  @RolesAllowed(Role.Names.DATA_STEWARD)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response inform(@PathParam("psn") String psn, JsonObject body) {
    ConsentRequest request = parseConsent(body, false);
    return created(
        psn(psn),
        staffRecords.inform(
            requestCaller.get(),
            psn(psn),
            request.formId(),
            request.formVersion(),
            request.language()));
  }

  @GET
  @Path("history")
  @RolesAllowed({Role.Names.PATIENT, Role.Names.DATA_STEWARD, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray history(@PathParam("psn") String psn) {
    JsonArrayBuilder records = JSON.createArrayBuilder();
    queries.history(requestCaller.get(), psn(psn)).stream()
        .map(ConsentJson::record)
        .forEach(records::add);
    return records.build();
  }

  /** Who among staff, compliance and nodes read this consent (issue 16), newest first. */
  @GET
  @Path("reads")
  @RolesAllowed({Role.Names.PATIENT, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray reads(@PathParam("psn") String psn) {
    JsonArrayBuilder reads = JSON.createArrayBuilder();
    personalDataReads
        .of(requestCaller.get(), psn(psn))
        .forEach(
            read ->
                reads.add(
                    JSON.createObjectBuilder()
                        .add("at", read.at().toString())
                        .add("role", read.actorRole())
                        .add("view", read.view())
                        .add("auditIndex", read.auditIndex())));
    return reads.build();
  }

  @GET
  @Path("reconsent-requests")
  @RolesAllowed({Role.Names.PATIENT, Role.Names.DATA_STEWARD, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray reconsentRequests(@PathParam("psn") String psn) {
    JsonArrayBuilder open = JSON.createArrayBuilder();
    for (ConsentQueries.OpenRequest request : queries.openRequests(requestCaller.get(), psn(psn))) {
      open.add(
          JSON.createObjectBuilder()
              .add("formId", request.formId())
              .add("fromVersion", request.fromVersion())
              .add("toVersion", request.toVersion())
              .add("trigger", request.trigger())
              .add("requestedAt", request.requestedAt().toString()));
    }
    return open.build();
  }

  @GET
  @Path("{recordId}/receipt")
  @RolesAllowed({Role.Names.PATIENT, Role.Names.DATA_STEWARD})
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response receipt(
      @PathParam("psn") String psn,
      @PathParam("recordId") String recordId,
      @Context HttpHeaders headers) {
    ConsentQueries.ReceiptData data = queries.receipt(requestCaller.get(), psn(psn), recordId);
    JsonObject receipt =
        ConsentReceipt.json(data, PortalEnvironment.current().publicUrl().toString());
    if (wantsJson(headers)) {
      return Response.ok(receipt.toString(), MediaType.APPLICATION_JSON).build();
    }
    return Response.ok(ReceiptPdf.render(receipt), "application/pdf")
        .header(
            "Content-Disposition",
            ContentDisposition.attachment("consent-receipt-" + data.entry().record().id() + ".pdf"))
        .header("Cache-Control", "no-store")
        .build();
  }

  /**
   * A statement of the patient's consent now, every module of their form with its decision (issue
   * 21): PDF by default, the ISO/IEC TS 27560-shaped JSON when asked for; in {@code language} if
   * the form has it, else English.
   */
  @GET
  @Path("statement")
  @RolesAllowed({Role.Names.PATIENT, Role.Names.DATA_STEWARD})
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response statement(
      @PathParam("psn") String psn,
      @QueryParam("language") String language,
      @Context HttpHeaders headers) {
    ConsentQueries.PatientConsent consent =
        queries.state(requestCaller.get(), psn(psn), Instant.now());
    ConsentForm form =
        PatientForm.of(consent.patient().jurisdiction(), consent.history(), forms.active())
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.notFound("No consent form is published for this patient yet.")));
    JsonObject statement =
        ConsentStatement.json(
            consent,
            form,
            PatientForm.language(form, language == null ? "en" : language),
            PortalEnvironment.current().publicUrl().toString());
    if (wantsJson(headers)) {
      return Response.ok(statement.toString(), MediaType.APPLICATION_JSON).build();
    }
    return Response.ok(ReceiptPdf.renderStatement(statement), "application/pdf")
        .header(
            "Content-Disposition",
            ContentDisposition.attachment("consent-statement-" + consent.patient().psn() + ".pdf"))
        .header("Cache-Control", "no-store")
        .build();
  }

  private static boolean wantsJson(HttpHeaders headers) {
    return headers.getAcceptableMediaTypes().stream()
        .findFirst()
        .map(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType())
        .orElse(false);
  }

  private Response created(String psn, ConsentRecording.Recorded recorded) {
    LoggedEntry logged = recorded.audit().awaitLogged(AUDIT_WAIT);
    return Response.created(
            uri.getBaseUriBuilder()
                .path("v1/patients")
                .path(psn)
                .path("consents")
                .path(recorded.recordId())
                .path("receipt")
                .build())
        .type(MediaType.APPLICATION_JSON)
        .entity(
            JSON.createObjectBuilder()
                .add("recordId", recorded.recordId())
                .add("auditIndex", logged.index())
                .build()
                .toString())
        .build();
  }

  private static ConsentRequest parseConsent(JsonObject body) {
    return parseConsent(body, true);
  }

  private static ConsentRequest parseConsent(JsonObject body, boolean withDecisions) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    List<FieldProblem> problems = new ArrayList<>();
    String formId = text(body, "formId", problems);
    Integer formVersion =
        WholeNumber.within(body.get("formVersion"), 1, Integer.MAX_VALUE).orElse(null);
    if (formVersion == null && body.containsKey("formVersion")) {
      problems.add(
          new FieldProblem("formVersion", "must be a form's version, a whole number from 1"));
    }
    String language = text(body, "language", problems);
    Map<String, String> decisions = new LinkedHashMap<>();
    if (withDecisions) {
      if (body.get("decisions") instanceof JsonObject given) {
        given.forEach(
            (module, decision) -> {
              if (decision instanceof JsonString value) {
                decisions.put(module, value.getString());
              } else {
                problems.add(new FieldProblem("decisions." + module, "must be permit or deny"));
              }
            });
      } else if (body.containsKey("decisions")) {
        problems.add(new FieldProblem("decisions", "must map module codes to permit or deny"));
      }
    }
    String signerKind = null;
    String signerName = null;
    if (body.get("signer") instanceof JsonObject signer) {
      signerKind = text(signer, "kind", problems);
      signerName = text(signer, "name", problems);
    } else if (body.containsKey("signer") && body.get("signer") != JsonValue.NULL) {
      problems.add(new FieldProblem("signer", "must be an object {kind, name}"));
    }
    String evidence = text(body, "evidenceAttachmentId", problems);
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The request is invalid.", problems);
    }
    return new ConsentRequest(
        formId, formVersion, language, decisions, signerKind, signerName, evidence);
  }

  private static String text(JsonObject body, String name, List<FieldProblem> problems) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    problems.add(new FieldProblem(name, "must be text"));
    return null;
  }

  private String psn(String psn) {
    Caller caller = requestCaller.get();
    return "me".equals(psn) ? caller.psn().orElse("") : psn;
  }
}
