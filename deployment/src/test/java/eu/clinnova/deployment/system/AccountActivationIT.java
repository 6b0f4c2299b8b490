package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account linking with the real Keycloak: enrolment gives a one-time code; the patient signs in,
 * enters it, and from their next token on carries the pseudonym; a wrong or used code links
 * nothing.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class AccountActivationIT {

  @Test
  void anEnrolmentCodeLinksThePatientsAccountOnceThroughKeycloak() {
    HttpResponse<String> enrolled =
        PatientApiIT.post(Tokens.user("steward-lu"), PatientApiIT.patient("LU-7001", "LU"));
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    String code = Api.json(enrolled).get("activationCode").asText();
    assertTrue(code.matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"), code);
    assertFalse(
        Api.get("/api/v1/patients/LU-7001", Tokens.user("steward-lu")).body().contains(code),
        "the code is shown once, at enrolment");

    // A new code replaces the first: the first no longer works.
    HttpResponse<String> reissued =
        Api.post("/api/v1/patients/LU-7001/activation-code", Tokens.user("steward-lu"), "");
    assertEquals(201, reissued.statusCode(), reissued.body());
    String first = code;
    code = Api.json(reissued).get("activationCode").asText();
    assertProblem(
        Api.post("/api/v1/patients/LU-7001/activation-code", Tokens.user("steward-fr"), ""),
        404,
        "not-found");

    String before = Tokens.freshUser("patient-new");
    assertProblem(
        Api.post("/api/v1/me/activation", before, "{\"code\":\"" + first + "\"}"),
        400,
        "invalid-request");
    assertFalse(Api.json(Api.get("/api/v1/me", before)).has("psn"));
    assertProblem(
        Api.post("/api/v1/me/activation", before, "{\"code\":\"2222-3333-4444\"}"),
        400,
        "invalid-request");
    assertProblem(
        Api.post("/api/v1/me/activation", before, "{\"code\":\"nope\"}"), 400, "invalid-request");
    assertProblem(Api.post("/api/v1/me/activation", before, "{\"code\":"), 400, "malformed-json");

    HttpResponse<String> activated =
        Api.post(
            "/api/v1/me/activation",
            before,
            "{\"code\":\"" + code.toLowerCase().replace("-", " ") + "\"}");
    assertEquals(200, activated.statusCode(), activated.body());
    assertEquals("LU-7001", Api.json(activated).get("psn").asText());

    String after = Tokens.freshUser("patient-new");
    JsonNode me = Api.json(Api.get("/api/v1/me", after));
    assertEquals("LU-7001", me.get("psn").asText());
    assertEquals("LU-7001", Api.json(Api.get("/api/v1/patients/me", after)).get("psn").asText());
    assertProblem(
        Api.post("/api/v1/me/activation", after, "{\"code\":\"" + code + "\"}"),
        400,
        "invalid-request");
    String another =
        Api.json(
                Api.post("/api/v1/patients/LU-7001/activation-code", Tokens.user("steward-lu"), ""))
            .get("activationCode")
            .asText();
    assertProblem(
        Api.post("/api/v1/me/activation", after, "{\"code\":\"" + another + "\"}"),
        409,
        "already-activated");
    assertTrue(
        PatientApiIT.auditEntriesAbout("LU-7001").stream()
            .anyMatch(
                event -> event.at("/subtype/0/code").asText().equals("patient.account-linked")));
    assertProblem(
        Api.post("/api/v1/me/activation", Tokens.user("researcher"), "{\"code\":\"" + code + "\"}"),
        403,
        "forbidden");
  }

  @Test
  void eachGuardianOfAMinorLinksTheirOwnAccountAndSignsForTheMinor() {
    String steward = Tokens.user("steward-lu");
    HttpResponse<String> enrolled =
        PatientApiIT.post(
            steward,
            "{\"psn\":\"LU-7002\",\"jurisdiction\":\"LU\",\"site\":\"CHL\","
                + "\"cohorts\":[\"IBD\"],\"minor\":true,\"adultOn\":\"2040-03-01\"}");
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    assertProblem(
        Api.post("/api/v1/patients/LU-0001/guardian-code", steward, ""), 409, "not-a-minor");
    for (String guardian : new String[] {"patient-lu", "patient-de"}) {
      HttpResponse<String> issued = Api.post("/api/v1/patients/LU-7002/guardian-code", steward, "");
      assertEquals(201, issued.statusCode(), issued.body());
      String code = Api.json(issued).get("guardianCode").asText();
      HttpResponse<String> linked =
          Api.post("/api/v1/me/activation", Tokens.user(guardian), "{\"code\":\"" + code + "\"}");
      assertEquals(200, linked.statusCode(), linked.body());
      assertTrue(Api.json(linked).get("guardian").asBoolean());
      assertEquals("LU-7002", Api.json(linked).get("psn").asText());
      assertTrue(
          Api.get("/api/v1/me/wards", Tokens.user(guardian)).body().contains("LU-7002"), guardian);
    }
    // The minor cannot sign themself; a guardian can, online.
    String body =
        "{\"formId\":\"lu-research-consent\",\"formVersion\":1,\"language\":\"en\","
            + "\"decisions\":{\"CLINICAL-DATA\":\"permit\"},\"signer\":{\"kind\":\"guardian\"}}";
    HttpResponse<String> signed =
        Api.post("/api/v1/patients/LU-7002/consents", Tokens.user("patient-lu"), body);
    assertEquals(201, signed.statusCode(), signed.body());
    JsonNode history =
        Api.json(Api.get("/api/v1/patients/LU-7002/consents/history", Tokens.user("patient-de")));
    assertEquals("guardian", history.get(0).at("/recordedBy/kind").asText());
    assertEquals("guardian", history.get(0).at("/recordedBy/role").asText());
    assertProblem(
        Api.get("/api/v1/patients/LU-7002/consents", Tokens.user("patient-fr")), 404, "not-found");
    assertProblem(
        Api.post("/api/v1/patients/LU-7002/consents", Tokens.user("patient-fr"), body),
        404,
        "not-found");
  }

  @Test
  void parallelGuessesCannotOutrunTheLimitOfFiveWrongCodes() throws Exception {
    // patient-ch activates nothing else in the suite: the account stays locked for an hour.
    String token = Tokens.user("patient-ch");
    int guesses = 16;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(guesses);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers =
          new java.util.ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        String code = String.format("%04d-2222-3333", 2222 + i).replace('0', '9').replace('1', '8');
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return Api.post("/api/v1/me/activation", token, "{\"code\":\"" + code + "\"}");
                }));
      }
      start.countDown();
      int wrong = 0;
      int refused = 0;
      for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 400) {
          wrong++;
        } else {
          assertProblem(response, 429, "too-many-attempts");
          refused++;
        }
      }
      assertEquals(5, wrong, "exactly five guesses were checked");
      assertEquals(guesses - 5, refused);
    } finally {
      pool.shutdownNow();
    }
    assertProblem(
        Api.post("/api/v1/me/activation", token, "{\"code\":\"2345-6789-ABCD\"}"),
        429,
        "too-many-attempts");
  }
}
