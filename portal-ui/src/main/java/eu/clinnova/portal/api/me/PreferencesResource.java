package eu.clinnova.portal.api.me;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.messages.preference.AccountPreferences;
import eu.clinnova.messages.preference.Preferences;
import eu.clinnova.portal.api.problem.Problem;
import eu.clinnova.portal.api.problem.ProblemException;
import eu.clinnova.portal.api.security.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET} and {@code PUT /api/v1/me/preferences}: the caller's own language and e-mail choices
 * ({@code {language, email:{tasks, decisions, releasesOfMyData}}}); the account is the token's
 * subject, so nobody reads or changes anyone else's.
 */
@Path("v1/me/preferences")
@RequestScoped
public class PreferencesResource {

  static final List<String> EMAIL_FIELDS = List.of("tasks", "decisions", "releasesOfMyData");

  @Inject AccountPreferences preferences;
  @Inject RequestCaller requestCaller;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject read() {
    return json(preferences.of(requestCaller.get().subject(), Optional.empty()));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject change(JsonObject body) {
    if (body == null) {
      throw new ProblemException(Problem.malformedJson());
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    String language = "";
    if (body.get("language") instanceof JsonString text
        && Preferences.LANGUAGES.contains(text.getString())) {
      language = text.getString();
    } else {
      errors.add(new Problem.FieldError("language", "must be one of en, fr, de"));
    }
    boolean[] email = new boolean[EMAIL_FIELDS.size()];
    JsonValue choices = body.get("email");
    if (choices instanceof JsonObject object) {
      for (int i = 0; i < EMAIL_FIELDS.size(); i++) {
        JsonValue value = object.get(EMAIL_FIELDS.get(i));
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
          email[i] = value == JsonValue.TRUE;
        } else {
          errors.add(
              new Problem.FieldError("email." + EMAIL_FIELDS.get(i), "must be true or false"));
        }
      }
    } else {
      errors.add(
          new Problem.FieldError(
              "email", "must be an object {tasks, decisions, releasesOfMyData}"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("The preferences are invalid.", errors));
    }
    return json(
        preferences.save(
            requestCaller.get().subject(),
            requestCaller.get().psn(),
            new Preferences(language, email[0], email[1], email[2])));
  }

  /** Forgets the caller's choices: 204, and the defaults apply again. */
  @DELETE
  public jakarta.ws.rs.core.Response forget() {
    preferences.forget(requestCaller.get().subject());
    return jakarta.ws.rs.core.Response.noContent().build();
  }

  static JsonObject json(Preferences chosen) {
    return JSON.createObjectBuilder()
        .add("language", chosen.language())
        .add(
            "email",
            JSON.createObjectBuilder()
                .add("tasks", chosen.emailTasks())
                .add("decisions", chosen.emailDecisions())
                .add("releasesOfMyData", chosen.emailReleasesOfMyData()))
        .build();
  }
}
