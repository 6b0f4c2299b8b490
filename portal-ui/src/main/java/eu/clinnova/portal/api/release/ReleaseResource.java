package eu.clinnova.portal.api.release;

import static eu.clinnova.portal.api.QueryParameters.instant;
import static eu.clinnova.portal.api.QueryParameters.limit;
import static eu.clinnova.portal.api.QueryParameters.text;
import static eu.clinnova.portal.api.QueryParameters.uuid;

import eu.clinnova.audit.subjects.SubjectLeaf;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import eu.clinnova.portal.config.PortalEnvironment;
import eu.clinnova.release.Release;
import eu.clinnova.release.ReleaseGate;
import eu.clinnova.release.ReleaseQueries;
import eu.clinnova.release.ReleaseRequest;
import eu.clinnova.release.ReleaseStore;
import eu.clinnova.release.ReleaseSubjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/releases}, the release gate (contract, "Release gate"), and the decisions'
 * read side: {@code GET /api/v1/releases} (filters, newest first), {@code GET
 * /api/v1/releases/{id}} and its subjects as the log committed to them, {@code GET
 * /api/v1/releases/{id}/subjects}.
 */
@Path("v1/releases")
@RequestScoped
public class ReleaseResource {

  static final int MAX_LIMIT = 500;

  /** One factory: {@code Json.createObjectBuilder} looks its provider up on every call. */
  static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

  static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(java.util.Map.of());

  @Inject ReleaseGate gate;
  @Inject ReleaseQueries queries;
  @Inject ReleaseSubjects subjects;
  @Inject RequestCaller requestCaller;

  @POST
  @RolesAllowed(Role.Names.NODE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response decide(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    Caller caller = requestCaller.get();
    ReleaseRequest request = parse(body);
    String jurisdiction =
        caller.jurisdictions().stream()
            .findFirst()
            .map(Enum::name)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.forbidden("This node client serves no known jurisdiction.")));
    ReleaseGate.Answer answer;
    try {
      answer =
          gate.decide(
              new ReleaseGate.AskingNode(caller.clientId(), jurisdiction),
              request,
              // The token's issuer is the configured public address, never the request's Host.
              PortalEnvironment.current().publicUrl().resolve("api/v1").toString());
    } catch (RuntimeException e) {
      if (e instanceof jakarta.transaction.TransactionalException) {
        throw notCommitted(e);
      }
      throw e;
    } catch (Exception e) {
      // Checked, so thrown by the transaction's end: the interceptor's commit failed
      // (RollbackException when the database went away after the log took the decision).
      throw notCommitted(e);
    }
    StreamingOutput written = out -> answer(answer, out);
    return Response.ok(written, MediaType.APPLICATION_JSON).build();
  }

  /**
   * The decision's record could not be committed: nothing is released and the node may ask again
   * (503); the decision the log took is marked abandoned later (AbandonedDecisions).
   */
  private static eu.clinnova.release.GateUnavailableException notCommitted(Exception e) {
    return new eu.clinnova.release.GateUnavailableException(
        "the release gate's decision could not be committed", e);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(
      @QueryParam("node") String node,
      @QueryParam("applicationId") String applicationId,
      @QueryParam("datasetId") String datasetId,
      @QueryParam("jurisdiction") String jurisdiction,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") String before,
      @QueryParam("beforeReleaseId") String beforeReleaseId,
      @QueryParam("limit") String limit) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Optional<UUID> application = uuid("applicationId", applicationId, "an application id", errors);
    Optional<Instant> fromAt = instant("from", from, errors);
    Optional<Instant> toAt = instant("to", to, errors);
    Optional<Instant> beforeAt = instant("before", before, errors);
    Optional<UUID> beforeRelease = uuid("beforeReleaseId", beforeReleaseId, "a release id", errors);
    if (beforeRelease.isPresent() && text(before).isEmpty()) {
      errors.add(
          new Problem.FieldError(
              "beforeReleaseId", "only with before (the decidedAt of the same release)"));
    }
    int pageSize = limit(limit, 100, MAX_LIMIT, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("Invalid search.", errors));
    }
    ReleaseStore.Search search =
        new ReleaseStore.Search(
            text(node),
            application,
            text(datasetId),
            text(jurisdiction).map(List::of),
            Optional.empty(),
            fromAt,
            toAt,
            beforeAt.map(at -> new ReleaseStore.PageEnd(at, beforeRelease)),
            pageSize);
    JsonArrayBuilder all = JSON.createArrayBuilder();
    queries.search(requestCaller.get(), search).forEach(release -> all.add(summary(release)));
    return Response.ok(all.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response one(@PathParam("id") String id) {
    ReleaseQueries.Detail detail = queries.find(requestCaller.get(), releaseId(id));
    JsonObjectBuilder json = summary(detail.release());
    detail
        .denials()
        .ifPresent(
            denials -> {
              JsonArrayBuilder denied = JSON.createArrayBuilder();
              denials.forEach(
                  d ->
                      denied.add(
                          JSON.createObjectBuilder()
                              .add("psn", d.psn())
                              .add("reason", d.reason())));
              json.add("denied", denied);
            });
    return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  /**
   * {@code GET /releases/{id}/subjects} (compliance): every subject with its leaf, in leaf order,
   * and the root the decision's audit entry carries (absent for decisions made before the log
   * committed to subjects). Written as it is generated: a release has up to 10,000 subjects.
   */
  @GET
  @Path("{id}/subjects")
  @Produces(MediaType.APPLICATION_JSON)
  public Response subjects(@PathParam("id") String id) {
    ReleaseSubjects.Listing listing = subjects.of(requestCaller.get(), releaseId(id));
    StreamingOutput body =
        out -> {
          try (JsonGenerator json = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartObject().write("releaseId", listing.releaseId().toString());
            listing.subjectsRoot().ifPresent(root -> json.write("subjectsRoot", root));
            json.writeStartArray("leaves");
            for (SubjectLeaf leaf : listing.tree().leaves()) {
              json.writeStartObject()
                  .write("psn", leaf.psnOrThrow())
                  .write("leaf", Base64.getEncoder().encodeToString(leaf.bytes()))
                  .writeEnd();
            }
            json.writeEnd().writeEnd();
          }
        };
    return Response.ok(body, MediaType.APPLICATION_JSON).build();
  }

  /** The request, or a 400 naming every problem, or 413 for too many subjects. */
  static ReleaseRequest parse(JsonObject body) {
    ReleaseRequest.Parsed parsed = ReleaseRequest.parse(body);
    if (parsed instanceof ReleaseRequest.Parsed.Invalid invalid) {
      throw new ProblemException(
          Problem.invalid(
              "The release request is not valid; nothing was decided.",
              invalid.problems().stream()
                  .map(p -> new Problem.FieldError(p.field(), p.message()))
                  .toList()));
    }
    if (parsed instanceof ReleaseRequest.Parsed.TooMany tooMany) {
      throw new ProblemException(
          Problem.of(
                  413,
                  "too-many-subjects",
                  "Content Too Large",
                  "A request names at most "
                      + ReleaseRequest.MAX_SUBJECTS
                      + " subjects; this one names "
                      + tooMany.count()
                      + ". Split the release; nothing was decided.")
              .errors(
                  List.of(
                      new Problem.FieldError(
                          "subjects", "at most " + ReleaseRequest.MAX_SUBJECTS + " subjects"))));
    }
    return ((ReleaseRequest.Parsed.Valid) parsed).request();
  }

  /**
   * Writes the contract's answer to {@code out} as it is generated: neither a tree of 10,000 JSON
   * values nor the whole text is held first (a 10,000-subject answer in one buffer was a
   * "humongous" object for the collector, and a concurrent collection per request).
   */
  static void answer(ReleaseGate.Answer answer, OutputStream out) {
    try (JsonGenerator json = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
      json.writeStartObject()
          .write("releaseId", answer.release().id().toString())
          .write("decision", answer.release().decision().code())
          .writeStartArray("permitted");
      answer.permitted().forEach(json::write);
      json.writeEnd().writeStartArray("denied");
      answer
          .denied()
          .forEach(
              d ->
                  json.writeStartObject()
                      .write("psn", d.psn())
                      .write("reason", d.reason())
                      .writeEnd());
      json.writeEnd().writeStartArray("reasons");
      answer.release().reasons().forEach(json::write);
      json.writeEnd();
      answer.token().ifPresent(token -> json.write("token", token));
      json.writeStartObject("audit")
          .write("index", answer.audit().index())
          .write("leafHash", Base64.getEncoder().encodeToString(answer.audit().leafHash()))
          .write("checkpoint", answer.audit().checkpoint())
          .writeStartArray("inclusionProof");
      answer.inclusionProof().forEach(hash -> json.write(Base64.getEncoder().encodeToString(hash)));
      json.writeEnd().writeEnd().writeEnd();
    }
  }

  /** A decision as the read side shows it: counts and digests, not the subjects. */
  static JsonObjectBuilder summary(Release release) {
    JsonArrayBuilder reasons = JSON.createArrayBuilder();
    release.reasons().forEach(reasons::add);
    JsonArrayBuilder modules = JSON.createArrayBuilder();
    release.modules().forEach(modules::add);
    JsonObjectBuilder denials = JSON.createObjectBuilder();
    release.denials().forEach(denials::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("releaseId", release.id().toString())
            .add("node", release.node())
            .add("applicationId", release.applicationId().toString())
            .add("datasetId", release.datasetId())
            .add("jurisdiction", release.jurisdiction())
            .add("recipient", release.recipient())
            .add("decision", release.decision().code())
            .add("reasons", reasons)
            .add("modules", modules)
            .add("requested", release.requested())
            .add("permitted", release.permitted())
            .add("denials", denials)
            .add("requestedSha256", release.requestedSha256())
            .add("permittedSha256", release.permittedSha256())
            .add("decidedAt", release.decidedAt().toString())
            .add("auditIndex", release.auditIndex());
    release.tokenExpiresAt().ifPresent(at -> json.add("tokenExpiresAt", at.toString()));
    release.subjectsRoot().ifPresent(root -> json.add("subjectsRoot", root));
    return json;
  }

  /** A release id from the address; anything that is not one names no release (404). */
  public static UUID releaseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.notFound("No such release."));
    }
  }
}
