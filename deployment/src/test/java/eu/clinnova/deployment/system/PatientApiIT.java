package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enrolment through the API: only a steward of the patient's jurisdiction enrols, the change and
 * its audit entry commit together, refused requests write nothing, and a patient nobody may see is
 * answered like an unknown one.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class PatientApiIT {

  static HttpResponse<String> post(String token, String body) {
    return Api.send(
        HttpRequest.newBuilder(Api.uri("/api/v1/patients"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static String patient(String psn, String jurisdiction) {
    return "{\"psn\":\""
        + psn
        + "\",\"jurisdiction\":\""
        + jurisdiction
        + "\",\"site\":\"CHL\",\"cohorts\":[\"IBD\",\"MS\"],\"minor\":false}";
  }

  /**
   * The audit entries of changes about a patient, as a compliance officer finds them: the reads
   * that are logged too ({@code consent.viewed}, some by these very searches) are left out.
   */
  static List<JsonNode> auditEntriesAbout(String psn) {
    List<JsonNode> events = new ArrayList<>();
    for (JsonNode event : allAuditEntriesAbout(psn)) {
      if (!event.at("/subtype/0/code").asText().endsWith(".viewed")) {
        events.add(event);
      }
    }
    return events;
  }

  /** Every audit entry about a patient, reads included, newest first. */
  static List<JsonNode> allAuditEntriesAbout(String psn) {
    JsonNode bundle =
        Api.json(
            Api.get(
                "/api/v1/fhir/r4/AuditEvent?_count=1000&patient=" + psn,
                Tokens.user("compliance")));
    List<JsonNode> events = new ArrayList<>();
    if (bundle.has("entry")) {
      bundle.get("entry").forEach(entry -> events.add(entry.get("resource")));
    }
    return events;
  }

  @Test
  void aStewardEnrolsAPatientOfTheirJurisdictionAndTheEnrolmentIsLogged() {
    HttpResponse<String> response = post(Tokens.user("steward-lu"), patient("LU-4711", "LU"));
    assertEquals(201, response.statusCode(), response.body());
    assertEquals(
        "/api/v1/patients/LU-4711",
        response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));
    JsonNode created = Api.json(response);
    assertEquals("[\"IBD\",\"MS\"]", created.get("cohorts").toString());
    long auditIndex = created.get("auditIndex").asLong();

    List<JsonNode> events = auditEntriesAbout("LU-4711");
    assertEquals(1, events.size());
    assertEquals(String.valueOf(auditIndex), events.get(0).get("id").asText());
    assertEquals("patient.enrolled", events.get(0).at("/subtype/0/code").asText());

    JsonNode read = Api.json(Api.get("/api/v1/patients/LU-4711", Tokens.user("steward-lu")));
    assertEquals("LU", read.get("jurisdiction").asText());
  }

  @Test
  void refusedEnrolmentsWriteNothingNotEvenAnAuditEntry() {
    assertProblem(post(Tokens.user("steward-fr"), patient("LU-4712", "LU")), 403, "forbidden");
    assertProblem(post(Tokens.user("researcher"), patient("LU-4712", "LU")), 403, "forbidden");
    assertProblem(Api.get("/api/v1/patients/LU-4712", Tokens.user("steward-lu")), 404, "not-found");
    assertTrue(auditEntriesAbout("LU-4712").isEmpty());

    assertEquals(201, post(Tokens.user("steward-de"), patient("DE-4713", "DE")).statusCode());
    assertProblem(
        post(Tokens.user("steward-de"), patient("DE-4713", "DE")), 409, "already-enrolled");
    assertEquals(1, auditEntriesAbout("DE-4713").size(), "the refused duplicate is not logged");
  }

  @Test
  void badInputIsNamedFieldByField() {
    String token = Tokens.user("steward-ch");
    HttpResponse<String> response =
        post(
            token,
            "{\"psn\":\"ch-1\",\"jurisdiction\":\"XX\",\"cohorts\":[\"ALS\"],\"minor\":\"no\"}");
    assertProblem(response, 400, "invalid-request");
    List<String> fields = new ArrayList<>();
    Api.json(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    assertEquals(
        List.of("cohorts", "jurisdiction", "minor", "psn", "site"),
        fields.stream().sorted().toList());
    assertProblem(post(token, "{\"psn\": "), 400, "malformed-json");
    assertProblem(post(token, patient("FR-4714", "CH")), 400, "invalid-request");
  }

  @Test
  void staffReadTheJurisdictionsPoliciesAsData() {
    HttpResponse<String> response = Api.get("/api/v1/policies", Tokens.user("admin"));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode policies = Api.json(response).get("jurisdictions");
    assertEquals("NON_OPPOSITION", policies.at("/FR/basis").asText());
    assertEquals("P5Y", policies.at("/DE/validity/RECONTACT").asText());
    assertEquals("deny", policies.at("/LU/defaultWithoutRecord").asText());
    assertEquals("AI-TRAINING", policies.at("/DE/purposeModules/ai-training").asText());
    assertEquals("BROAD-HEALTH", policies.at("/LU/purposeModules/broad-health-research").asText());
    assertEquals("CLINICAL-DATA", policies.at("/CH/coveredByGeneralConsent/BROAD-HEALTH").asText());
    assertTrue(policies.at("/CH/renewAtCapacity").asBoolean());
    assertProblem(Api.get("/api/v1/policies", Tokens.user("patient-ch")), 403, "forbidden");
  }

  @Test
  void patientsSeeThemselvesAndNobodyElse() {
    JsonNode me = Api.json(Api.get("/api/v1/patients/me", Tokens.user("patient-lu")));
    assertEquals("LU-0001", me.get("psn").asText(), "the demo patient is enrolled");
    assertEquals(200, Api.get("/api/v1/patients/LU-0001", Tokens.user("patient-lu")).statusCode());
    assertProblem(Api.get("/api/v1/patients/FR-0001", Tokens.user("patient-lu")), 404, "not-found");
    assertProblem(Api.get("/api/v1/patients/FR-0001", Tokens.user("steward-lu")), 404, "not-found");
    assertEquals(200, Api.get("/api/v1/patients/FR-0001", Tokens.user("steward-fr")).statusCode());
    assertEquals(200, Api.get("/api/v1/patients/FR-0001", Tokens.user("compliance")).statusCode());
    assertProblem(Api.get("/api/v1/patients/FR-0001", Tokens.node("node-fr")), 403, "forbidden");
  }
}
