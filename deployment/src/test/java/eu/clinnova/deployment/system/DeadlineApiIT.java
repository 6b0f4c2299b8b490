package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static eu.clinnova.deployment.system.ApplicationApiIT.body;
import static eu.clinnova.deployment.system.ApplicationApiIT.complete;
import static eu.clinnova.deployment.system.ApplicationApiIT.submitted;
import static eu.clinnova.deployment.system.ApplicationApiIT.taskOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The review's clocks through the API, against the real server and its real process: a complete
 * application's decision falls due after the committee's 90 days, a committee sees its own
 * jurisdiction's deadlines only, and the chair extends the decision once, with a reason that
 * reaches the applicant by e-mail and the log. (The timers themselves, moved through months, are
 * {@code ReviewClocksTest}'s.)
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class DeadlineApiIT {

  @Test
  void aCompleteApplicationsDecisionIsDueIn90DaysAndItsChairExtendsItOnce() {
    String researcher = Tokens.user("researcher");
    String title = "Clock study " + UUID.randomUUID().toString().substring(0, 8);
    Instant before = Instant.now();
    String id = submitted(researcher, body(title, "lu-ibd-clinical"), "LU", "CNER 202466");
    try {
      assertTrue(
          lines(Tokens.user("chair-lu"), id).stream()
              .anyMatch(line -> line.get("step").asText().equals("completeness-check")),
          "the steward's check, with its configured date");
      complete(
          "steward-lu",
          taskOf(Tokens.user("steward-lu"), id, "completenessCheck").orElseThrow(),
          "{\"outcome\":\"approve\"}");

      JsonNode decision = line(Tokens.user("chair-lu"), id, "decision");
      assertEquals("LU", decision.get("jurisdiction").asText());
      assertEquals(title, decision.get("title").asText());
      assertFalse(decision.get("overdue").asBoolean());
      assertFalse(decision.get("extended").asBoolean());
      Instant due = Instant.parse(decision.get("due").asText());
      assertTrue(
          !due.isBefore(before.plus(Duration.ofDays(90)))
              && due.isBefore(Instant.now().plus(Duration.ofDays(90)).plusSeconds(5)),
          "due 90 days after the completeness check: " + due);
      assertEquals(decision, line(Tokens.user("admin"), id, "decision"), "administrators see all");
      assertEquals(List.of(), lines(Tokens.user("dac-de"), id), "DE's committee sees DE's only");
      assertProblem(Api.get("/api/v1/deadlines", Tokens.user("steward-lu")), 403, "forbidden");

      String path = "/api/v1/applications/" + id + "/decision-extension";
      assertProblem(
          Api.post(path, Tokens.user("chair-lu"), "{\"jurisdiction\":\"LU\",\"reason\":\" \"}"),
          400,
          "invalid-request");
      assertProblem(
          Api.post(path, Tokens.user("chair-de"), "{\"jurisdiction\":\"LU\",\"reason\":\"Why\"}"),
          403,
          "forbidden");
      HttpResponse<String> extended =
          Api.post(
              path,
              Tokens.user("chair-lu"),
              "{\"jurisdiction\":\"LU\",\"reason\":\"An external expert is consulted.\"}");
      assertEquals(200, extended.statusCode(), extended.body());
      JsonNode clock = Api.json(extended);
      assertEquals(due.plus(Duration.ofDays(90)).toString(), clock.get("due").asText());
      assertEquals("An external expert is consulted.", clock.get("reason").asText());
      assertTrue(clock.get("auditIndex").asLong() >= 0);
      JsonNode after = line(Tokens.user("chair-lu"), id, "decision");
      assertTrue(after.get("extended").asBoolean());
      assertEquals(clock.get("due").asText(), after.get("due").asText());
      assertProblem(
          Api.post(path, Tokens.user("chair-lu"), "{\"jurisdiction\":\"LU\",\"reason\":\"Again\"}"),
          409,
          "already-extended");
      List<String> logged = ApplicationApiIT.auditActions("application/" + id);
      assertTrue(logged.contains("application.decision-extended"), logged.toString());
      Mailboxes.Mail told =
          Mailboxes.await(
                  "researcher@demo.clinnova.eu",
                  mail ->
                      mail.subject() != null
                          && mail.subject().contains(title)
                          && mail.subject().contains("longer"),
                  1)
              .get(0);
      assertEquals(
          "The decision on your application “" + title + "” will take longer", told.subject());
    } finally {
      assertEquals(
          200, Api.post("/api/v1/applications/" + id + "/withdraw", researcher, "").statusCode());
    }
    assertEquals(
        List.of(), lines(Tokens.user("admin"), id), "a withdrawn application's clocks stop");
  }

  private static List<JsonNode> lines(String token, String applicationId) {
    HttpResponse<String> answer = Api.get("/api/v1/deadlines", token);
    assertEquals(200, answer.statusCode(), answer.body());
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode line : Api.json(answer)) {
      if (line.get("applicationId").asText().equals(applicationId)) {
        found.add(line);
      }
    }
    return found;
  }

  private static JsonNode line(String token, String applicationId, String step) {
    return lines(token, applicationId).stream()
        .filter(line -> line.get("step").asText().equals(step))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + step + " deadline for " + applicationId));
  }
}
