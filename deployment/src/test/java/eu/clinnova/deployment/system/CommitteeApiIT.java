package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The committees' rules through the API, against the real server: read by staff, changed by an
 * administrator as a new version on the record, refused field by field when they cannot work.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class CommitteeApiIT {

  static final String SEEDED =
      "{\"quorum\":2,\"reminderDays\":7,\"escalationDays\":14,\"decisionDays\":90}";

  static JsonNode committee(String token, String jurisdiction) {
    for (JsonNode committee : Api.json(Api.get("/api/v1/committees", token))) {
      if (committee.get("jurisdiction").asText().equals(jurisdiction)) {
        return committee;
      }
    }
    throw new AssertionError("no committee " + jurisdiction);
  }

  @Test
  void anAdministratorSetsACommitteesRulesAsANewVersionOnTheRecord() {
    String admin = Tokens.user("admin");
    JsonNode before = committee(Tokens.user("dac-de"), "DE");
    assertEquals(2, before.get("quorum").asInt());
    try {
      HttpResponse<String> changed =
          Api.put(
              "/api/v1/committees/DE",
              admin,
              "{\"quorum\":3,\"reminderDays\":5,\"escalationDays\":10,\"decisionDays\":60}");
      assertEquals(200, changed.statusCode(), changed.body());
      JsonNode now = Api.json(changed);
      assertEquals(before.get("version").asInt() + 1, now.get("version").asInt());
      assertTrue(now.has("auditIndex"));
      assertEquals(3, committee(Tokens.user("compliance"), "DE").get("quorum").asInt());
      JsonNode entry =
          Api.json(
                  Api.get(
                      "/api/v1/audit/entries?start=" + now.get("auditIndex").asLong() + "&limit=1",
                      Tokens.user("compliance")))
              .at("/entries/0");
      assertEquals("committee.changed", entry.at("/entry/action").asText(), entry.toString());

      HttpResponse<String> invalid =
          Api.put(
              "/api/v1/committees/DE",
              admin,
              "{\"quorum\":0,\"reminderDays\":20,\"escalationDays\":10,\"decisionDays\":\"soon\"}");
      assertProblem(invalid, 400, "invalid-request");
      List<String> fields = new ArrayList<>();
      Api.json(invalid).get("errors").forEach(error -> fields.add(error.get("field").asText()));
      assertEquals(List.of("decisionDays"), fields, "the field that is not a number, first");
      HttpResponse<String> rules =
          Api.put(
              "/api/v1/committees/DE",
              admin,
              "{\"quorum\":0,\"reminderDays\":20,\"escalationDays\":10,\"decisionDays\":60}");
      fields.clear();
      Api.json(rules).get("errors").forEach(error -> fields.add(error.get("field").asText()));
      assertEquals(List.of("quorum", "escalationDays"), fields);
      assertProblem(Api.put("/api/v1/committees/IT", admin, SEEDED), 404, "not-found");
      assertProblem(
          Api.put("/api/v1/committees/DE", Tokens.user("chair-de"), SEEDED), 403, "forbidden");
      assertEquals(3, committee(admin, "DE").get("quorum").asInt(), "refusals change nothing");
    } finally {
      assertEquals(200, Api.put("/api/v1/committees/DE", admin, SEEDED).statusCode());
    }
  }
}
