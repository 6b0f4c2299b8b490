package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The findings of the security review (issue 16) against the real server, each as an attacker would
 * try it: headers on every kind of response, an attachment that is a page in disguise, a forged
 * {@code Host}, numbers and strings beyond their range, and the gate's answer for application ids
 * that do or do not exist.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class SecurityIT {

  static final String PUBLIC_URL = SystemTestEnvironment.portalUrl() + "/";
  static final String FORGED_HOST = "evil.example.org";

  // --- 2. security headers ---------------------------------------------------------------

  @Test
  void everyKindOfResponseCarriesTheSecurityHeaders() {
    Map<String, HttpResponse<String>> responses =
        Map.of(
            "api 200", Api.get("/api/v1/health", null),
            "api 401", Api.get("/api/v1/me", null),
            "api 404", Api.get("/api/v1/no-such-thing", Tokens.user("researcher")),
            "openapi", Api.get("/openapi", null),
            "checkpoint", Api.get("/api/v1/audit/checkpoint", null),
            "page before sign-in", Api.get("/patient", null),
            "static file before sign-in", Api.get("/VAADIN/build/no-such-file.js", null));
    responses.forEach(
        (what, response) -> {
          String csp = header(response, "Content-Security-Policy");
          assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
          assertEquals("nosniff", header(response, "X-Content-Type-Options"), what);
          assertEquals("same-origin", header(response, "Referrer-Policy"), what);
          assertTrue(header(response, "Permissions-Policy").contains("camera=()"), what);
          assertFalse(
              response.headers().firstValue("Strict-Transport-Security").isPresent(),
              what + ": no HSTS while the public address is http");
        });
    assertTrue(
        header(responses.get("api 200"), "Content-Security-Policy")
            .startsWith("default-src 'none'"),
        "data runs nothing");
    // Not a browser (no Accept: text/html): the OIDC mechanism answers 401, not its redirect.
    assertEquals(401, responses.get("page before sign-in").statusCode());
    HttpResponse<String> redirect =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/patient"))
                .header("Accept", "text/html")
                .GET()
                .build());
    assertEquals(302, redirect.statusCode(), "a browser is sent to Keycloak");
    assertTrue(header(redirect, "Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("nosniff", header(redirect, "X-Content-Type-Options"));
  }

  // --- 1. attachments --------------------------------------------------------------------

  static final byte[] PAGE_IN_A_PDF =
      ("%PDF-1.4\n<html><body><script>fetch('/api/v1/me')"
              + ".then(r=>r.text()).then(t=>document.title=t)</script></body></html>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void anAttachmentIsAlwaysSavedAsTheTypeItsBytesWereCheckedToBe() {
    String researcher = Tokens.user("researcher");
    String id = Api.json(Api.post("/api/v1/applications", researcher, "{}")).get("id").asText();
    String path = "/api/v1/applications/" + id + "/attachments";
    HttpResponse<String> uploaded =
        Api.upload(path, researcher, "application/pdf", "evil.html", PAGE_IN_A_PDF);
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    JsonNode attachment = Api.json(uploaded);
    assertEquals("evil.html.pdf", attachment.get("fileName").asText(), "a safe stored name");
    assertEquals("application/pdf", attachment.get("mediaType").asText());

    HttpResponse<String> served =
        Api.get(path + "/" + attachment.get("attachmentId").asText(), researcher);
    assertEquals(200, served.statusCode(), served.body());
    assertEquals("application/pdf", header(served, "Content-Type").split(";")[0]);
    String disposition = header(served, "Content-Disposition");
    assertTrue(disposition.startsWith("attachment;"), disposition);
    assertTrue(disposition.contains("filename=\"evil.html.pdf\""), disposition);
    assertEquals("nosniff", header(served, "X-Content-Type-Options"));
    assertTrue(header(served, "Content-Security-Policy").contains("sandbox"));

    // What the client claims is not believed either: declared as a page, it is refused.
    assertProblem(
        Api.upload(path, researcher, "text/html", "evil.html", PAGE_IN_A_PDF),
        415,
        "attachment-type");
    // Nobody else fetches it.
    assertProblem(
        Api.get(path + "/" + attachment.get("attachmentId").asText(), Tokens.user("researcher2")),
        404,
        "not-found");
  }

  // --- 4. the Host header ----------------------------------------------------------------

  @Test
  void signedArtefactsAndReceiptsNameTheConfiguredAddressNeverTheHostHeader() throws Exception {
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher2");
    String patient = Tokens.user("patient-lu");
    HttpResponse<String> consented =
        ConsentApiIT.consent(patient, "me", ConsentApiIT.luConsent(ReleaseGateIT.ALL_NEEDED));
    assertEquals(201, consented.statusCode(), consented.body());
    String recordId = Api.json(consented).get("recordId").asText();

    RawHttp.Response receipt =
        RawHttp.send(
            "GET",
            "/api/v1/patients/me/consents/" + recordId + "/receipt",
            FORGED_HOST,
            patient,
            null);
    assertEquals(200, receipt.status(), receipt.body());
    assertTrue(receipt.body().contains(PUBLIC_URL), receipt.body());
    assertFalse(receipt.body().contains(FORGED_HOST), receipt.body());

    RawHttp.Response visas =
        RawHttp.send("GET", "/api/v1/ga4gh/visas", FORGED_HOST, Tokens.user("researcher2"), null);
    assertEquals(200, visas.status(), visas.body());
    JsonNode passport = new ObjectMapper().readTree(visas.body()).get("ga4gh_passport_v1");
    assertFalse(passport.isEmpty(), visas.body());
    for (JsonNode visa : passport) {
      assertEquals(PUBLIC_URL + "api/v1", claims(visa.asText(), 1).get("iss").asText());
      assertEquals(PUBLIC_URL + "api/v1/keys", claims(visa.asText(), 0).get("jku").asText());
      assertFalse(claims(visa.asText(), 1).toString().contains(FORGED_HOST));
    }

    RawHttp.Response release =
        RawHttp.send(
            "POST",
            "/api/v1/releases",
            FORGED_HOST,
            Tokens.node("node-lu"),
            "{\"applicationId\":\""
                + grant.applicationId()
                + "\",\"datasetId\":\""
                + ReleaseGateIT.DATASET
                + "\",\"recipient\":\""
                + grant.recipient()
                + "\",\"subjects\":[\"LU-0001\"]}");
    assertEquals(200, release.status(), release.body());
    String token = new ObjectMapper().readTree(release.body()).get("token").asText();
    assertEquals(PUBLIC_URL + "api/v1", claims(token, 1).get("iss").asText());
  }

  // --- 5. bad input ----------------------------------------------------------------------

  @Test
  void numbersAndLengthsBeyondTheirRangeAreRefusedWithTheFieldNamed() {
    String researcher = Tokens.user("researcher");
    assertInvalidField(
        Api.post("/api/v1/applications", researcher, "{\"durationMonths\":4294967297}"),
        "durationMonths");
    String id = Api.json(Api.post("/api/v1/applications", researcher, "{}")).get("id").asText();
    assertInvalidField(
        Api.put("/api/v1/applications/" + id, researcher, "{\"durationMonths\":1e400}"),
        "durationMonths");
    assertInvalidField(
        Api.post(
            "/api/v1/applications/" + id + "/agreement",
            researcher,
            "{\"accepted\":true,\"agreementVersion\":4294967297}"),
        "agreementVersion");
    JsonNode draft = Api.json(Api.get("/api/v1/applications/" + id, researcher));
    assertFalse(draft.has("durationMonths"), "nothing stored: " + draft);

    assertInvalidField(
        ConsentApiIT.consent(
            Tokens.user("patient-lu"),
            "me",
            ConsentApiIT.luConsent("\"CLINICAL-DATA\":\"permit\"")
                .replaceFirst("\"formVersion\":\\d+", "\"formVersion\":99999999999999999999")),
        "formVersion");

    assertInvalidField(
        Api.post(
            "/api/v1/releases",
            Tokens.node("node-lu"),
            "{\"applicationId\":\""
                + UUID.randomUUID()
                + "\",\"datasetId\":\"lu-ibd-clinical\",\"recipient\":\""
                + "r".repeat(300)
                + "\",\"subjects\":[\"LU-0001\"]}"),
        "recipient");

    String nested = "[".repeat(1000) + "]".repeat(1000);
    assertProblem(
        Api.post("/api/v1/applications", researcher, "{\"title\":" + nested + "}"),
        400,
        "malformed-json");
    assertProblem(Api.post("/api/v1/applications", researcher, nested), 400, "malformed-json");

    assertInvalidField(Api.get("/api/v1/releases?limit=abc", Tokens.user("compliance")), "limit");
    assertInvalidField(
        Api.get("/api/v1/releases?limit=99999999999", Tokens.user("compliance")), "limit");
  }

  @Test
  void aBodyOfTheWrongMediaTypeIs415AndNothingIsWritten() {
    HttpResponse<String> response =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/api/v1/applications"))
                .header("Authorization", "Bearer " + Tokens.user("researcher"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertProblem(response, 415, "unsupported-media-type");
  }

  // --- 7. the gate does not tell which application ids exist ------------------------------

  @Test
  void anotherNodesDatasetIsRefusedAlikeForKnownAndUnknownApplications() {
    String existing =
        Api.json(Api.post("/api/v1/applications", Tokens.user("researcher"), "{}"))
            .get("id")
            .asText();
    String node = Tokens.node("node-lu");
    HttpResponse<String> known =
        Api.post("/api/v1/releases", node, release(existing, "fr-ra-registry"));
    HttpResponse<String> unknown =
        Api.post("/api/v1/releases", node, release(UUID.randomUUID().toString(), "fr-ra-registry"));
    assertProblem(known, 403, "wrong-node");
    assertProblem(unknown, 403, "wrong-node");
    assertEquals(Api.json(known).get("detail"), Api.json(unknown).get("detail"));
    // On its own dataset, an application it may not see and one that does not exist: both 404.
    assertProblem(
        Api.post("/api/v1/releases", node, release(existing, "lu-ibd-clinical")), 404, "not-found");
    assertProblem(
        Api.post(
            "/api/v1/releases", node, release(UUID.randomUUID().toString(), "lu-ibd-clinical")),
        404,
        "not-found");
  }

  // --- reads are logged ------------------------------------------------------------------

  @Test
  void readsOfAPatientsConsentByStaffAreLoggedAndThePatientSeesThem() {
    int before = consentReadsAbout("LU-0001");
    assertEquals(
        200, Api.get("/api/v1/patients/LU-0001/consents", Tokens.user("steward-lu")).statusCode());
    assertEquals(
        200,
        Api.get("/api/v1/patients/LU-0001/consents/history", Tokens.user("compliance"))
            .statusCode());
    assertEquals(
        200,
        Api.get("/api/v1/fhir/r4/Consent?patient=LU-0001", Tokens.node("node-lu")).statusCode());
    // The patient's own reads are their own business.
    assertEquals(
        200, Api.get("/api/v1/patients/me/consents", Tokens.user("patient-lu")).statusCode());
    assertEquals(
        200,
        Api.get("/api/v1/patients/me/consents/history", Tokens.user("patient-lu")).statusCode());
    assertEquals(before + 3, consentReadsAbout("LU-0001"));

    HttpResponse<String> reads =
        Api.get("/api/v1/patients/me/consents/reads", Tokens.user("patient-lu"));
    assertEquals(200, reads.statusCode(), reads.body());
    JsonNode newest = Api.json(reads);
    assertEquals("node", newest.get(0).get("role").asText());
    assertEquals("fhir-consent", newest.get(0).get("view").asText());
    assertEquals("compliance-officer", newest.get(1).get("role").asText());
    assertEquals("history", newest.get(1).get("view").asText());
    assertEquals("data-steward", newest.get(2).get("role").asText());
    assertEquals("state", newest.get(2).get("view").asText());
    assertFalse(reads.body().contains("patient-lu"), "the patient's own reads are not listed");
    assertEquals(
        200,
        Api.get("/api/v1/patients/LU-0001/consents/reads", Tokens.user("compliance")).statusCode());
    assertProblem(
        Api.get("/api/v1/patients/LU-0001/consents/reads", Tokens.user("steward-lu")),
        403,
        "forbidden");
    assertProblem(
        Api.get("/api/v1/patients/LU-0001/consents/reads", Tokens.user("patient-fr")),
        404,
        "not-found");
  }

  @Test
  void anApplicationReadByAnyoneButItsOwnerIsLogged() {
    String researcher = Tokens.user("researcher");
    String id =
        ApplicationApiIT.submittedApplication(researcher, "lu-ibd-clinical", "LU", "CNER 202412");
    assertEquals(200, Api.get("/api/v1/applications/" + id, researcher).statusCode());
    assertEquals(0, viewsOf(id), "the owner's reads are not logged");
    assertEquals(200, Api.get("/api/v1/applications/" + id, Tokens.user("dac-lu")).statusCode());
    assertEquals(
        200, Api.get("/api/v1/applications/" + id, Tokens.user("compliance")).statusCode());
    assertEquals(2, viewsOf(id));
    assertProblem(Api.get("/api/v1/applications/" + id, Tokens.user("dac-fr")), 404, "not-found");
    assertEquals(2, viewsOf(id), "a refused read is no read");
  }

  static int consentReadsAbout(String psn) {
    return (int)
        PatientApiIT.allAuditEntriesAbout(psn).stream()
            .filter(event -> event.at("/subtype/0/code").asText().equals("consent.viewed"))
            .count();
  }

  static int viewsOf(String applicationId) {
    return (int)
        ApplicationApiIT.auditActions("application/" + applicationId).stream()
            .filter("application.viewed"::equals)
            .count();
  }

  // --- helpers ---------------------------------------------------------------------------

  static String release(String applicationId, String dataset) {
    return "{\"applicationId\":\""
        + applicationId
        + "\",\"datasetId\":\""
        + dataset
        + "\",\"recipient\":\"someone\",\"subjects\":[\"LU-0001\"]}";
  }

  static void assertInvalidField(HttpResponse<String> response, String field) {
    assertProblem(response, 400, "invalid-request");
    assertTrue(
        ApplicationApiIT.fields(Api.json(response).get("errors")).contains(field),
        field + " named in " + response.body());
  }

  static String header(HttpResponse<String> response, String name) {
    return response
        .headers()
        .firstValue(name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + name + " on " + response.uri() + " " + response.statusCode()));
  }

  /** Part {@code part} (0 header, 1 claims) of a compact JWS, as JSON. */
  static JsonNode claims(String jws, int part) throws Exception {
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[part]));
  }
}
