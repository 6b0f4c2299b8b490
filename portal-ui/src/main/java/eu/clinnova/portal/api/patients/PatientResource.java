package eu.clinnova.portal.api.patients;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.AccountActivation;
import eu.clinnova.consent.application.PatientEnrolment;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/patients} (a steward of the patient's jurisdiction) and {@code GET
 * /api/v1/patients/{psn}} (that steward, a compliance officer, or the patient; {@code me} is the
 * caller's own pseudonym). A patient one may not see is answered 404, like an unknown one.
 */
@Path("v1/patients")
@RequestScoped
public class PatientResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);

  @Inject PatientEnrolment enrolment;
  @Inject AccountActivation activation;
  @Inject RequestCaller requestCaller;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Role.Names.DATA_STEWARD)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response enrol(JsonObject body) {
    Patient patient = parse(body);
    PatientEnrolment.Outcome outcome = enrolment.enrol(requestCaller.get(), patient);
    if (outcome instanceof PatientEnrolment.Outcome.NotAllowed) {
      throw new ProblemException(
          Problem.forbidden("You enrol patients of your own jurisdiction only."));
    }
    if (outcome instanceof PatientEnrolment.Outcome.AlreadyEnrolled) {
      throw new ProblemException(
          Problem.of(
              409,
              "already-enrolled",
              "Conflict",
              "A patient with this pseudonym is already enrolled."));
    }
    PatientEnrolment.Outcome.Enrolled enrolled = (PatientEnrolment.Outcome.Enrolled) outcome;
    LoggedEntry logged = enrolled.audit().awaitLogged(AUDIT_WAIT);
    var json = JSON.createObjectBuilder(json(patient, logged.index()));
    // The one-time code the patient enters to link their account; shown only here.
    enrolled
        .activation()
        .ifPresent(
            code ->
                json.add("activationCode", code.code())
                    .add("activationExpiresAt", code.expiresAt().toString()));
    return Response.created(uri.getBaseUriBuilder().path("v1/patients").path(patient.psn()).build())
        .type(MediaType.APPLICATION_JSON)
        .entity(json.build().toString())
        .build();
  }

  /** A new one-time activation code for the patient (earlier codes stop working). */
  @POST
  @Path("{psn}/activation-code")
  @RolesAllowed(Role.Names.DATA_STEWARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response newActivationCode(@PathParam("psn") String psn) {
    return issued(
        activation.issue(requestCaller.get(), psn), "activationCode", "activationExpiresAt");
  }

  /** A code for one guardian of a minor; each guardian gets their own. */
  @POST
  @Path("{psn}/guardian-code")
  @RolesAllowed(Role.Names.DATA_STEWARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response newGuardianCode(@PathParam("psn") String psn) {
    return issued(
        activation.issueGuardianCode(requestCaller.get(), psn), "guardianCode", "expiresAt");
  }

  /** A code, shown this once, once its issue is in the audit log. */
  private static Response issued(AccountActivation.Issued issued, String codeField, String until) {
    LoggedEntry logged = issued.audit().awaitLogged(AUDIT_WAIT);
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON)
        .entity(
            JSON.createObjectBuilder()
                .add("psn", issued.psn())
                .add(codeField, issued.code())
                .add(until, issued.expiresAt().toString())
                .add("auditIndex", logged.index())
                .build()
                .toString())
        .build();
  }

  @GET
  @Path("{psn}")
  @RolesAllowed({Role.Names.DATA_STEWARD, Role.Names.PATIENT, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject get(@PathParam("psn") String psn) {
    Caller caller = requestCaller.get();
    String wanted = "me".equals(psn) ? caller.psn().orElse("") : psn;
    return enrolment
        .find(caller, wanted)
        .map(patient -> json(patient, null))
        .orElseThrow(() -> new ProblemException(Problem.notFound("No such patient.")));
  }

  private static Patient parse(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    String psn = string(body, "psn");
    String jurisdiction = string(body, "jurisdiction");
    String site = string(body, "site");
    List<String> cohorts = new ArrayList<>();
    if (body.containsKey("cohorts")
        && body.get("cohorts").getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue value : body.getJsonArray("cohorts")) {
        cohorts.add(value instanceof JsonString text ? text.getString() : String.valueOf(value));
      }
    } else {
      cohorts = null;
    }
    Boolean minor =
        body.containsKey("minor")
                && (body.get("minor") == JsonValue.TRUE || body.get("minor") == JsonValue.FALSE)
            ? body.getBoolean("minor")
            : null;
    String adultOn = string(body, "adultOn");
    if (body.containsKey("adultOn") && adultOn == null && body.get("adultOn") != JsonValue.NULL) {
      adultOn = "not a date";
    }
    List<Problem.FieldError> errors =
        Patient.check(psn, jurisdiction, site, cohorts, minor, adultOn).stream()
            .map(problem -> new Problem.FieldError(problem.field(), problem.message()))
            .toList();
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("The patient's data is invalid.", errors));
    }
    Set<Patient.Cohort> cohortSet = EnumSet.noneOf(Patient.Cohort.class);
    cohorts.forEach(cohort -> cohortSet.add(Patient.Cohort.valueOf(cohort)));
    return new Patient(
        psn,
        jurisdiction,
        site.strip(),
        cohortSet,
        minor,
        adultOn == null ? null : java.time.LocalDate.parse(adultOn));
  }

  private static String string(JsonObject body, String name) {
    return body.containsKey(name) && body.get(name) instanceof JsonString text
        ? text.getString()
        : null;
  }

  private static JsonObject json(Patient patient, Long auditIndex) {
    JsonArrayBuilder cohorts = JSON.createArrayBuilder();
    patient.cohorts().stream().sorted().map(Enum::name).forEach(cohorts::add);
    var json =
        JSON.createObjectBuilder()
            .add("psn", patient.psn())
            .add("jurisdiction", patient.jurisdiction())
            .add("site", patient.site())
            .add("cohorts", cohorts)
            .add("minor", patient.minor());
    patient.majority().ifPresent(day -> json.add("adultOn", day.toString()));
    if (auditIndex != null) {
      json.add("auditIndex", auditIndex);
    }
    return json.build();
  }
}
