package eu.clinnova.portal.api.patients;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.consent.application.AccountActivation;
import eu.clinnova.consent.application.PatientEnrolment;
import eu.clinnova.consent.application.PatientRegistry;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.registry.PatientCorrection;
import eu.clinnova.consent.registry.PatientFilter;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.QueryParameters;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/patients} (a steward of the patient's jurisdiction), {@code GET
 * /api/v1/patients} (the patients a steward or compliance officer may see, page by page), {@code
 * GET /api/v1/patients/{psn}} (that steward, a compliance officer, or the patient; {@code me} is
 * the caller's own pseudonym) and {@code PATCH /api/v1/patients/{psn}} (a correction by a steward
 * of their jurisdiction). A patient one may not see is answered 404, like an unknown one.
 */
@Path("v1/patients")
@RequestScoped
public class PatientResource {

  static final Duration AUDIT_WAIT = Duration.ofSeconds(5);

  @Inject PatientEnrolment enrolment;
  @Inject AccountActivation activation;
  @Inject PatientRegistry registry;
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

  /**
   * One page of the patients the caller may see: {@code q} the start of the pseudonym, {@code
   * site}, {@code cohort}, {@code consent} (none, recorded, withdrawn); {@code next} is the {@code
   * after} of the following page.
   */
  @GET
  @RolesAllowed({Role.Names.DATA_STEWARD, Role.Names.COMPLIANCE_OFFICER})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject list(
      @QueryParam("q") String q,
      @QueryParam("site") String site,
      @QueryParam("cohort") String cohort,
      @QueryParam("consent") String consent,
      @QueryParam("limit") String limit,
      @QueryParam("after") String after) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Optional<String> prefix = QueryParameters.text(q);
    if (prefix.isPresent()
        && (prefix.get().length() > 19 || !prefix.get().matches("[0-9A-Za-z-]*"))) {
      errors.add(new Problem.FieldError("q", "must be the start of a pseudonym, like LU-00"));
    }
    Optional<Patient.Cohort> cohortWanted = Optional.empty();
    if (QueryParameters.text(cohort).isPresent()) {
      try {
        cohortWanted = Optional.of(Patient.Cohort.valueOf(cohort.strip()));
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("cohort", "must be one of IBD, RA, MS"));
      }
    }
    Optional<PatientFilter.ConsentStanding> standing =
        QueryParameters.text(consent).flatMap(PatientFilter.ConsentStanding::fromCode);
    if (QueryParameters.text(consent).isPresent() && standing.isEmpty()) {
      errors.add(new Problem.FieldError("consent", "must be one of none, recorded, withdrawn"));
    }
    Optional<String> last = QueryParameters.text(after);
    if (last.isPresent() && !Patient.isPseudonym(last.get())) {
      errors.add(new Problem.FieldError("after", "must be a pseudonym: the next of a page"));
    }
    Optional<String> atSite = QueryParameters.text(site);
    if (atSite.isPresent() && atSite.get().length() > 100) {
      errors.add(new Problem.FieldError("site", "must be at most 100 characters"));
    }
    int size =
        QueryParameters.limit(limit, PatientFilter.DEFAULT_LIMIT, PatientFilter.MAX_LIMIT, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("Invalid listing.", errors));
    }
    Caller caller = requestCaller.get();
    PatientRegistry.Page page =
        registry.list(
            caller,
            new PatientFilter(
                PatientRegistry.listable(caller),
                prefix.orElse(""),
                atSite,
                cohortWanted,
                standing,
                last,
                size));
    // The look is on the record before the patients are shown.
    page.audit().ifPresent(audit -> audit.awaitLogged(AUDIT_WAIT));
    JsonArrayBuilder items = JSON.createArrayBuilder();
    page.items().forEach(item -> items.add(listed(item.patient())));
    var json = JSON.createObjectBuilder().add("items", items);
    page.next().ifPresent(next -> json.add("next", next));
    return json.build();
  }

  /**
   * Corrects any of the patient's site, cohorts, minor, majorityDate (null clears it) and capacity
   * ("regained"); answers the patient as they are now.
   */
  @PATCH
  @Path("{psn}")
  @RolesAllowed(Role.Names.DATA_STEWARD)
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject correct(@PathParam("psn") String psn, JsonObject body) {
    Caller caller = requestCaller.get();
    PatientCorrection correction;
    try {
      correction = correction(body);
    } catch (ProblemException invalid) {
      // Whose patient it is comes before what is wrong with the request: no leak of existence.
      if (enrolment
          .find(caller, psn)
          .filter(patient -> caller.isStewardOf(patient.jurisdiction()))
          .isEmpty()) {
        throw new ProblemException(Problem.notFound("No such patient."));
      }
      throw invalid;
    }
    PatientRegistry.Corrected corrected = registry.correct(caller, psn, correction);
    Long index = corrected.audit().map(audit -> audit.awaitLogged(AUDIT_WAIT).index()).orElse(null);
    return json(corrected.patient(), index);
  }

  private static PatientCorrection correction(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String field : body.keySet()) {
      if (!Set.of("site", "cohorts", "minor", "majorityDate", "capacity").contains(field)) {
        errors.add(
            new Problem.FieldError(
                field, "cannot be corrected: site, cohorts, minor, majorityDate or capacity"));
      }
    }
    String site = textOrMark(body, "site", errors);
    boolean cohortsGiven = body.containsKey("cohorts");
    List<String> cohorts = null;
    if (cohortsGiven) {
      if (body.get("cohorts").getValueType() == JsonValue.ValueType.ARRAY) {
        cohorts = new ArrayList<>();
        for (JsonValue value : body.getJsonArray("cohorts")) {
          cohorts.add(value instanceof JsonString text ? text.getString() : String.valueOf(value));
        }
      } else {
        errors.add(new Problem.FieldError("cohorts", "must be a list such as [\"IBD\", \"RA\"]"));
      }
    }
    Object minor =
        !body.containsKey("minor")
            ? null
            : body.get("minor") == JsonValue.TRUE
                ? Boolean.TRUE
                : body.get("minor") == JsonValue.FALSE ? Boolean.FALSE : body.get("minor");
    PatientCorrection.Change<String> majority = PatientCorrection.Change.keep();
    if (body.containsKey("majorityDate")) {
      JsonValue value = body.get("majorityDate");
      majority =
          value == JsonValue.NULL
              ? PatientCorrection.Change.to(null)
              : PatientCorrection.Change.to(
                  value instanceof JsonString text ? text.getString() : "not a date");
    }
    String capacity = textOrMark(body, "capacity", errors);
    PatientCorrection.Result read =
        PatientCorrection.read(
            site, cohorts, cohortsGiven && cohorts != null, minor, majority, capacity);
    for (FieldProblem problem : read.problems()) {
      errors.add(new Problem.FieldError(problem.field(), problem.message()));
    }
    if (!errors.isEmpty() || read.correction().isEmpty()) {
      throw new ProblemException(Problem.invalid("The correction is invalid.", errors));
    }
    return read.correction().get();
  }

  /** The field's text, null when absent; a field of another type is an error at it. */
  private static String textOrMark(JsonObject body, String name, List<Problem.FieldError> errors) {
    if (!body.containsKey(name)) {
      return null;
    }
    if (body.get(name) instanceof JsonString text) {
      return text.getString();
    }
    errors.add(new Problem.FieldError(name, "must be text"));
    return null;
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
    // "adultOn" as enrolment takes it; "majorityDate" as a correction names it.
    patient
        .majority()
        .ifPresent(day -> json.add("adultOn", day.toString()).add("majorityDate", day.toString()));
    if (auditIndex != null) {
      json.add("auditIndex", auditIndex);
    }
    return json.build();
  }

  /** A patient in a listing: exactly the contract's fields. */
  private static JsonObject listed(Patient patient) {
    JsonArrayBuilder cohorts = JSON.createArrayBuilder();
    patient.cohorts().stream().sorted().map(Enum::name).forEach(cohorts::add);
    return JSON.createObjectBuilder()
        .add("psn", patient.psn())
        .add("jurisdiction", patient.jurisdiction())
        .add("site", patient.site())
        .add("cohorts", cohorts)
        .add("minor", patient.minor())
        .build();
  }
}
