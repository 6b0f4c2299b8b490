package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API skeleton in the real WildFly, against the real PostgreSQL and Keycloak: tokens, roles,
 * problem details, health, OpenAPI, and the database rights of the application role.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ApiIT {

  @Test
  void healthReportsDatabaseIdentityProviderAndWorkflowEngineUp() {
    HttpResponse<String> response = Api.get("/api/v1/health", null);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode health = Api.json(response);
    assertEquals("UP", health.get("status").asText());
    List<String> up = new ArrayList<>();
    health
        .get("checks")
        .forEach(
            check -> {
              if ("UP".equals(check.get("status").asText())) {
                up.add(check.get("name").asText());
              }
            });
    assertTrue(
        up.containsAll(List.of("database", "identity-provider", "workflow-engine", "audit-log")),
        up.toString());
  }

  @Test
  void meWithoutATokenIsAProblemWithAnAuthenticateHeader() {
    HttpResponse<String> response = Api.get("/api/v1/me", null);
    assertProblem(response, 401, "unauthorized");
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
  }

  @Test
  void meWithAForgedTokenIsRefused() {
    String real = Tokens.user("patient-lu");
    String[] parts = real.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    HttpResponse<String> response = Api.get("/api/v1/me", forged);
    assertEquals(401, response.statusCode(), response.body());
  }

  @Test
  void meWithAPatientsTokenShowsTheirPseudonym() {
    HttpResponse<String> response = Api.get("/api/v1/me", Tokens.user("patient-lu"));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode me = Api.json(response);
    assertEquals("patient-lu", me.get("username").asText());
    assertEquals("LU-0001", me.get("psn").asText());
    assertEquals("[\"patient\"]", me.get("roles").toString());
    assertEquals("[]", me.get("jurisdictions").toString());
  }

  @Test
  void aStewardActsForTheJurisdictionOfTheirGroup() {
    JsonNode me = Api.json(Api.get("/api/v1/me", Tokens.user("steward-fr")));
    assertEquals("[\"data-steward\"]", me.get("roles").toString());
    assertEquals("[\"FR\"]", me.get("jurisdictions").toString());
    assertFalse(me.has("psn"));
  }

  @Test
  void aChairIsAlsoACommitteeMember() {
    JsonNode me = Api.json(Api.get("/api/v1/me", Tokens.user("chair-de")));
    assertEquals("[\"dac-chair\",\"dac-member\"]", me.get("roles").toString());
    assertEquals("[\"DE\"]", me.get("jurisdictions").toString());
  }

  @Test
  void aNodesJurisdictionComesFromItsClientId() {
    JsonNode me = Api.json(Api.get("/api/v1/me", Tokens.node("node-ch")));
    assertEquals("[\"node\"]", me.get("roles").toString());
    assertEquals("[\"CH\"]", me.get("jurisdictions").toString());
    assertEquals("node-ch", me.get("clientId").asText());
  }

  @Test
  void aRoleRestrictedCallIsForbiddenToOtherRoles() {
    assertProblem(
        Api.get("/api/v1/workflow/process-definitions", Tokens.user("patient-fr")),
        403,
        "forbidden");
    assertProblem(
        Api.get("/api/v1/workflow/process-definitions", Tokens.node("node-lu")), 403, "forbidden");
    assertProblem(Api.get("/api/v1/workflow/process-definitions", null), 401, "unauthorized");
  }

  @Test
  void complianceSeesTheDeployedProcessDefinitions() {
    HttpResponse<String> response =
        Api.get("/api/v1/workflow/process-definitions", Tokens.user("compliance"));
    assertEquals(200, response.statusCode(), response.body());
    boolean engineCheck = false;
    for (JsonNode definition : Api.json(response)) {
      engineCheck |= "engineCheck".equals(definition.get("key").asText());
    }
    assertTrue(engineCheck, response.body());
  }

  @Test
  void unknownAddressesAndMethodsAreProblemsNotPages() {
    String token = Tokens.user("researcher");
    assertProblem(Api.get("/api/v1/no-such-thing", token), 404, "not-found");
    assertProblem(Api.get("/api/v2/me", token), 404, "not-found");
    HttpResponse<String> post =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertProblem(post, 405, "method-not-allowed");
  }

  @Test
  void theApiNeverRedirectsToALoginPage() {
    HttpResponse<String> response =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/api/v1/me")).header("Accept", "*/*").GET().build());
    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("Location").isEmpty());
  }

  @Test
  void theUiRedirectsAnAnonymousBrowserToKeycloak() {
    HttpResponse<String> response =
        Api.send(HttpRequest.newBuilder(Api.uri("/")).header("Accept", "text/html").GET().build());
    assertEquals(302, response.statusCode());
    String location = response.headers().firstValue("Location").orElseThrow();
    assertTrue(
        location.startsWith(
            SystemTestEnvironment.keycloakRealmUrl() + "/protocol/openid-connect/auth"),
        location);
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    HttpResponse<String> response =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/openapi"))
                .header("Accept", "application/json")
                .GET()
                .build());
    assertEquals(200, response.statusCode(), response.body());
    JsonNode openApi = Api.json(response);
    assertNotNull(openApi.at("/paths/~1api~1v1~1me/get"), response.body());
    assertFalse(openApi.at("/paths/~1api~1v1~1me/get").isMissingNode(), response.body());
    assertFalse(openApi.at("/components/schemas/Problem").isMissingNode());
  }

  @Test
  void theApplicationRoleCanUseRowsButNotChangeTheSchema() throws SQLException {
    String url =
        "jdbc:postgresql://localhost:" + SystemTestEnvironment.databasePort() + "/clinnova";
    try (Connection app = DriverManager.getConnection(url, "clinnova_app", "clinnova-app-dev");
        Statement statement = app.createStatement()) {
      var rows = statement.executeQuery("SELECT count(*) FROM act_re_procdef");
      assertTrue(rows.next());
      assertTrue(rows.getLong(1) >= 1, "the engine check is deployed");
      SQLException refused =
          assertThrows(
              SQLException.class, () -> statement.execute("CREATE TABLE public.intruder (id int)"));
      assertEquals("42501", refused.getSQLState(), "insufficient privilege");
      assertThrows(SQLException.class, () -> statement.execute("DROP TABLE act_re_procdef"));
    }
  }

  static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0],
        response.body());
    JsonNode problem = Api.json(response);
    assertEquals("https://clinnova.eu/problems/" + type, problem.get("type").asText());
    assertEquals(status, problem.get("status").asInt());
    assertNotNull(problem.get("title"));
    assertFalse(problem.get("detail").asText().isBlank());
    assertFalse(response.body().contains("Exception"), "no stack trace: " + response.body());
  }
}
