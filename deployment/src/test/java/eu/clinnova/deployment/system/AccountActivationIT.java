package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account linking with the real Keycloak: enrolment gives a one-time code; the patient signs in,
 * enters it, and from their next token on carries the pseudonym; a wrong or used code links
 * nothing.
 */
@ExtendWith(ArquillianExtension.class)
class AccountActivationIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
  }

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
}
