package eu.clinnova.portal.api.register;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.workflow.register.PublicRegister;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/public/projects?q=} (anyone, no token): the public register of data uses, as
 * the contract's "Time and messages" fixes it; the page {@code /register} shows the same.
 */
@Path("v1/public/projects")
@RequestScoped
public class PublicProjectsResource {

  @Inject PublicRegister register;

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray projects(@QueryParam("q") String q) {
    String words = q == null ? "" : q.strip();
    if (words.length() > 200) {
      throw new ProblemException(
          Problem.invalid(
              "The search is invalid.",
              List.of(new Problem.FieldError("q", "must be at most 200 characters"))));
    }
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (PublicRegister.Project project :
        register.projects(words.isEmpty() ? Optional.empty() : Optional.of(words))) {
      all.add(json(project));
    }
    return all.build();
  }

  static JsonObjectBuilder json(PublicRegister.Project project) {
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    project
        .datasets()
        .forEach(
            dataset ->
                datasets.add(
                    JSON.createObjectBuilder()
                        .add("id", dataset.id())
                        .add("title", dataset.title())
                        .add("jurisdiction", dataset.jurisdiction())));
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("applicationId", project.applicationId().toString())
            .add("title", project.title())
            .add("laySummary", project.laySummary())
            .add("organisation", project.organisation())
            .add("datasets", datasets)
            .add("purpose", project.purpose())
            .add("duo", JSON.createArrayBuilder(project.duo()))
            .add("state", project.state())
            .add("submittedAt", project.submittedAt().toString());
    project.decidedAt().ifPresent(at -> json.add("decidedAt", at.toString()));
    if (!project.decisions().isEmpty()) {
      JsonArrayBuilder reasons = JSON.createArrayBuilder();
      for (PublicRegister.Decision decision : project.decisions()) {
        JsonObjectBuilder entry =
            JSON.createObjectBuilder()
                .add("jurisdiction", decision.jurisdiction())
                .add("decision", decision.decision());
        decision.conditions().ifPresent(conditions -> entry.add("conditions", conditions));
        decision.reasons().ifPresent(text -> entry.add("reasons", text));
        reasons.add(entry);
      }
      json.add("decisionReasons", reasons);
    }
    project.accessUntil().ifPresent(at -> json.add("accessUntil", at.toString()));
    project.results().ifPresent(results -> json.add("results", results));
    if (!project.publications().isEmpty()) {
      json.add("publications", JSON.createArrayBuilder(project.publications()));
    }
    return json;
  }
}
