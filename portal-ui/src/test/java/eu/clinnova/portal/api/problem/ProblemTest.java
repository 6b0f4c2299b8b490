package eu.clinnova.portal.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void aProblemHasTheFourMembersOfRfc9457() {
    JsonObject json = parse(Problem.notFound("No such application.").toJson());
    assertEquals("https://clinnova.eu/problems/not-found", json.getString("type"));
    assertEquals("Not Found", json.getString("title"));
    assertEquals(404, json.getInt("status"));
    assertEquals("No such application.", json.getString("detail"));
    assertEquals(false, json.containsKey("errors"));
  }

  @Test
  void invalidInputNamesEachField() {
    JsonObject json =
        parse(
            Problem.invalid(
                    "The request has invalid fields.",
                    List.of(
                        new Problem.FieldError("title", "must not be blank"),
                        new Problem.FieldError("datasets[0]", "unknown dataset")))
                .toJson());
    assertEquals(400, json.getInt("status"));
    assertEquals(2, json.getJsonArray("errors").size());
    assertEquals("datasets[0]", json.getJsonArray("errors").getJsonObject(1).getString("field"));
    assertEquals(
        "unknown dataset", json.getJsonArray("errors").getJsonObject(1).getString("message"));
  }

  @Test
  void textIsEscapedNotInterpolated() {
    JsonObject json = parse(Problem.forbidden("a \"quoted\" </script> detail").toJson());
    assertEquals("a \"quoted\" </script> detail", json.getString("detail"));
  }

  private static JsonObject parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
