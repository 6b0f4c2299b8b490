package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consent API against the real server: forms, consent, withdrawal, history, receipts, evidence,
 * FR information and objection, DE validity, major versions and re-consent; who may do what; and
 * that every refused request writes nothing, not even an audit entry.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ConsentApiIT {

  static final String LU_FORM = "lu-research-consent";

  static HttpResponse<String> consent(String token, String psn, String body) {
    return Api.post("/api/v1/patients/" + psn + "/consents", token, body);
  }

  /** A scan of a paper form uploaded for {@code psn} by {@code steward}: its attachment id. */
  static String evidence(String steward, String psn) {
    return Api.json(
            Api.upload(
                "/api/v1/patients/" + psn + "/attachments",
                steward,
                "application/pdf",
                ApplicationApiIT.PDF))
        .get("attachmentId")
        .asText();
  }

  static String luConsent(String decisions) {
    return "{\"formId\":\""
        + LU_FORM
        + "\",\"formVersion\":1,\"language\":\"fr\",\"decisions\":{"
        + decisions
        + "}}";
  }

  static JsonNode stateOf(JsonNode states, String module) {
    for (JsonNode state : states) {
      if (state.get("module").asText().equals(module)) {
        return state;
      }
    }
    throw new AssertionError("no module " + module + " in " + states);
  }

  static int historySize(String psn) {
    return Api.json(
            Api.get("/api/v1/patients/" + psn + "/consents/history", Tokens.user("compliance")))
        .size();
  }

  @Test
  void everyoneSignedInReadsTheFourSeedFormsWithTheirTextHashes() {
    JsonNode forms = Api.json(Api.get("/api/v1/consent/forms", Tokens.user("researcher")));
    java.util.Set<String> jurisdictions = new java.util.TreeSet<>();
    for (JsonNode form : forms) {
      jurisdictions.add(form.get("jurisdiction").asText());
      for (String language : new String[] {"en", "fr", "de"}) {
        assertTrue(form.at("/textSha256/" + language).asText().matches("[0-9a-f]{64}"));
        assertFalse(form.at("/modules/0/text/" + language).asText().isBlank());
      }
    }
    assertTrue(
        jurisdictions.containsAll(java.util.List.of("LU", "FR", "DE", "CH")), forms.toString());
    assertEquals(401, Api.get("/api/v1/consent/forms", null).statusCode());
  }

  @Test
  void aPatientConsentsSeesTheStateAndHistoryAndGetsReceiptsThenWithdraws() throws Exception {
    String token = Tokens.user("patient-lu");
    int auditBefore = PatientApiIT.auditEntriesAbout("LU-0001").size();
    HttpResponse<String> created =
        consent(
            token,
            "me",
            luConsent(
                "\"CLINICAL-DATA\":\"permit\",\"GENETIC\":\"deny\",\"AI-TRAINING\":\"permit\""));
    assertEquals(201, created.statusCode(), created.body());
    String recordId = Api.json(created).get("recordId").asText();
    long auditIndex = Api.json(created).get("auditIndex").asLong();
    assertTrue(auditIndex >= 0);

    JsonNode states = Api.json(Api.get("/api/v1/patients/me/consents", token));
    JsonNode clinical = stateOf(states, "CLINICAL-DATA");
    assertEquals("permit", clinical.get("decision").asText());
    assertEquals(LU_FORM, clinical.get("formId").asText());
    assertEquals(1, clinical.get("formVersion").asInt());
    assertEquals("self", clinical.at("/recordedBy/kind").asText());
    assertEquals("deny", stateOf(states, "GENETIC").get("decision").asText());
    assertEquals("deny", stateOf(states, "COMMERCIAL").get("decision").asText());

    // The record keeps the hash of the exact French text of the form.
    JsonNode form = null;
    for (JsonNode candidate : Api.json(Api.get("/api/v1/consent/forms", token))) {
      if (candidate.get("id").asText().equals(LU_FORM)) {
        form = candidate;
      }
    }
    JsonNode history = Api.json(Api.get("/api/v1/patients/me/consents/history", token));
    assertEquals(recordId, history.get(0).get("recordId").asText());
    assertEquals(form.at("/textSha256/fr").asText(), history.get(0).get("textSha256").asText());

    JsonNode receipt =
        Api.json(
            Api.send(
                HttpRequest.newBuilder(
                        Api.uri("/api/v1/patients/me/consents/" + recordId + "/receipt"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .build()));
    assertEquals("ISO/IEC TS 27560:2023", receipt.get("schemaVersion").asText());
    assertEquals(recordId, receipt.get("receiptId").asText());
    assertEquals("LU-0001", receipt.at("/dataSubject/pseudonym").asText());
    assertEquals("fr", receipt.get("language").asText());
    assertEquals(form.at("/textSha256/fr").asText(), receipt.at("/notice/textSha256").asText());
    assertTrue(receipt.get("withdrawalMethod").asText().contains("Mon consentement"));
    HttpResponse<byte[]> pdf =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        Api.uri("/api/v1/patients/me/consents/" + recordId + "/receipt"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/pdf")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));

    // "My choices now": one statement of every module of the form, beside each change's receipt.
    JsonNode statement =
        Api.json(
            Api.send(
                HttpRequest.newBuilder(
                        Api.uri("/api/v1/patients/me/consents/statement?language=de"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .build()));
    assertEquals("current-state", statement.get("statementType").asText());
    assertEquals("de", statement.get("language").asText());
    assertEquals(statement.get("total").asInt(), statement.get("purposes").size());
    assertTrue(statement.get("allowed").asInt() >= 1, statement.toString());
    HttpResponse<byte[]> statementPdf =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Api.uri("/api/v1/patients/me/consents/statement"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, statementPdf.statusCode());
    assertEquals("%PDF-", new String(statementPdf.body(), 0, 5, StandardCharsets.US_ASCII));
    assertEquals(
        404,
        Api.get("/api/v1/patients/FR-0001/consents/statement", token).statusCode(),
        "another patient's statement");

    HttpResponse<String> withdrawn =
        Api.post(
            "/api/v1/patients/me/consents/withdrawal", token, "{\"reason\":\"changed my mind\"}");
    assertEquals(201, withdrawn.statusCode(), withdrawn.body());
    JsonNode after = Api.json(Api.get("/api/v1/patients/me/consents", token));
    assertEquals("deny", stateOf(after, "CLINICAL-DATA").get("decision").asText());
    assertEquals("withdrawn", stateOf(after, "CLINICAL-DATA").get("reason").asText());

    // As of a moment before the withdrawal, the permit still shows (point in time).
    String before =
        Instant.parse(history.get(0).get("recordedAt").asText())
            .plus(1, ChronoUnit.MILLIS)
            .toString();
    JsonNode then = Api.json(Api.get("/api/v1/patients/me/consents?asOf=" + before, token));
    assertEquals("permit", stateOf(then, "CLINICAL-DATA").get("decision").asText());

    // One audit entry per change, with the right actions.
    java.util.List<JsonNode> events = PatientApiIT.auditEntriesAbout("LU-0001");
    assertEquals(auditBefore + 2, events.size());
  }

  @Test
  void nobodySeesOrChangesAnotherPatientsConsentAndStewardsOnlyInTheirJurisdiction() {
    String body = luConsent("\"CLINICAL-DATA\":\"permit\"");
    int records = historySize("LU-0001");
    assertProblem(consent(Tokens.user("patient-fr"), "LU-0001", body), 404, "not-found");
    assertProblem(
        Api.get("/api/v1/patients/LU-0001/consents", Tokens.user("patient-fr")), 404, "not-found");
    assertProblem(
        Api.get("/api/v1/patients/LU-0001/consents/history", Tokens.user("steward-fr")),
        404,
        "not-found");
    assertProblem(consent(Tokens.user("steward-fr"), "LU-0001", body), 404, "not-found");
    assertProblem(consent(Tokens.user("researcher"), "LU-0001", body), 403, "forbidden");
    assertProblem(consent(Tokens.user("compliance"), "LU-0001", body), 403, "forbidden");
    assertProblem(
        Api.post("/api/v1/patients/LU-0001/consents/withdrawal", Tokens.user("patient-de"), "{}"),
        404,
        "not-found");
    assertProblem(
        Api.get("/api/v1/patients/LU-0001/disclosures", Tokens.user("steward-lu")),
        403,
        "forbidden");
    assertEquals(records, historySize("LU-0001"), "nothing written");
    assertEquals(
        200, Api.get("/api/v1/patients/LU-0001/consents", Tokens.user("steward-lu")).statusCode());
    assertEquals(
        200,
        Api.get("/api/v1/patients/LU-0001/disclosures", Tokens.user("compliance")).statusCode());
  }

  @Test
  void badInputIsAnsweredWithProblemDetailsAndWritesNothing() {
    String token = Tokens.user("patient-lu");
    int records = historySize("LU-0001");
    int audit = PatientApiIT.auditEntriesAbout("LU-0001").size();
    HttpResponse<String> unknownModule =
        consent(token, "me", luConsent("\"TELEPATHY\":\"permit\",\"CLINICAL-DATA\":\"permit\""));
    assertProblem(unknownModule, 400, "invalid-request");
    assertTrue(unknownModule.body().contains("decisions.TELEPATHY"), unknownModule.body());
    assertProblem(
        consent(token, "me", luConsent("\"CLINICAL-DATA\":\"maybe\"")), 400, "invalid-request");
    assertProblem(consent(token, "me", luConsent("")), 400, "invalid-request");
    assertProblem(
        consent(
            token,
            "me",
            luConsent("\"CLINICAL-DATA\":\"permit\"")
                .replace("\"formVersion\":1", "\"formVersion\":9")),
        400,
        "invalid-request");
    assertProblem(
        consent(token, "me", luConsent("\"CLINICAL-DATA\":\"permit\"").replace("\"fr\"", "\"xx\"")),
        400,
        "invalid-request");
    assertProblem(
        consent(
            token,
            "me",
            luConsent("\"CLINICAL-DATA\":\"permit\"").replace(LU_FORM, "fr-research-information")),
        400,
        "invalid-request");
    assertProblem(consent(token, "me", "{\"formId\":"), 400, "malformed-json");
    assertProblem(
        Api.post("/api/v1/patients/me/consents/withdrawal", token, "{\"modules\":[\"NOPE\"]}"),
        400,
        "invalid-request");
    assertProblem(
        Api.get("/api/v1/patients/me/consents?asOf=yesterday", token), 400, "invalid-request");
    assertEquals(records, historySize("LU-0001"), "no record written");
    assertEquals(audit, PatientApiIT.auditEntriesAbout("LU-0001").size(), "no audit entry");
  }

  @Test
  void aStewardRecordsAPaperFormWithItsScanAndOnlyRealScansWithinTheLimitAreTaken()
      throws Exception {
    String steward = Tokens.user("steward-lu");
    byte[] pdf = "%PDF-1.4\n% a scanned paper form\n".getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> uploaded =
        Api.upload("/api/v1/patients/LU-0001/attachments", steward, "application/pdf", pdf);
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    JsonNode attachment = Api.json(uploaded);
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)),
        attachment.get("sha256").asText());
    assertEquals(pdf.length, attachment.get("size").asInt());

    assertProblem(
        Api.upload(
            "/api/v1/patients/LU-0001/attachments",
            steward,
            "application/pdf",
            "just text".getBytes(StandardCharsets.US_ASCII)),
        415,
        "evidence-type");
    byte[] huge = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(pdf, 0, huge, 0, pdf.length);
    assertProblem(
        Api.upload("/api/v1/patients/LU-0001/attachments", steward, "application/pdf", huge),
        413,
        "evidence-too-large");
    assertProblem(
        Api.upload(
            "/api/v1/patients/LU-0001/attachments",
            Tokens.user("patient-lu"),
            "application/pdf",
            pdf),
        403,
        "forbidden");
    assertProblem(
        Api.upload(
            "/api/v1/patients/LU-0001/attachments",
            Tokens.user("steward-de"),
            "application/pdf",
            pdf),
        404,
        "not-found");

    String paper =
        luConsent("\"CLINICAL-DATA\":\"permit\"")
            .replace(
                "}}",
                "},\"signer\":{\"kind\":\"staff-paper\"},\"evidenceAttachmentId\":\""
                    + attachment.get("attachmentId").asText()
                    + "\"}");
    HttpResponse<String> recorded = consent(steward, "LU-0001", paper);
    assertEquals(201, recorded.statusCode(), recorded.body());
    JsonNode history = Api.json(Api.get("/api/v1/patients/LU-0001/consents/history", steward));
    assertEquals("staff-paper", history.get(0).at("/recordedBy/kind").asText());
    assertEquals(
        attachment.get("attachmentId").asText(),
        history.get(0).get("evidenceAttachmentId").asText());

    assertProblem(
        consent(steward, "LU-0001", luConsent("\"CLINICAL-DATA\":\"permit\"")),
        400,
        "invalid-request");
  }

  @Test
  void inFranceAnInformedPatientPermitsUntilTheyObject() {
    String steward = Tokens.user("steward-fr");
    assertEquals(
        201, PatientApiIT.post(steward, PatientApiIT.patient("FR-5001", "FR")).statusCode());
    HttpResponse<String> informed =
        Api.post(
            "/api/v1/patients/FR-5001/consents/information",
            steward,
            "{\"formId\":\"fr-research-information\",\"formVersion\":1,\"language\":\"fr\"}");
    assertEquals(201, informed.statusCode(), informed.body());
    JsonNode states = Api.json(Api.get("/api/v1/patients/FR-5001/consents", steward));
    assertEquals("permit", stateOf(states, "CLINICAL-DATA").get("decision").asText());
    assertEquals("non-opposition", stateOf(states, "CLINICAL-DATA").get("reason").asText());
    assertEquals("deny", stateOf(states, "GENETIC").get("decision").asText());

    // The patient objects on paper; the steward records it: an objection to any reuse.
    HttpResponse<String> objected =
        Api.post("/api/v1/patients/FR-5001/consents/withdrawal", steward, "{}");
    assertEquals(201, objected.statusCode(), objected.body());
    JsonNode after = Api.json(Api.get("/api/v1/patients/FR-5001/consents", steward));
    assertEquals("objected", stateOf(after, "CLINICAL-DATA").get("reason").asText());
    assertEquals(
        "objection",
        Api.json(Api.get("/api/v1/patients/FR-5001/consents/history", steward))
            .get(0)
            .get("kind")
            .asText());
    assertProblem(
        Api.post(
            "/api/v1/patients/LU-0001/consents/information",
            Tokens.user("steward-lu"),
            "{\"formId\":\"lu-research-consent\",\"formVersion\":1,\"language\":\"en\"}"),
        409,
        "not-non-opposition");
  }

  @Test
  void inGermanyEachPermitHoldsForItsModulesPeriod() {
    HttpResponse<String> created =
        consent(
            Tokens.user("patient-de"),
            "me",
            "{\"formId\":\"de-broad-consent\",\"formVersion\":1,\"language\":\"de\","
                + "\"decisions\":{\"CLINICAL-DATA\":\"permit\",\"RECONTACT\":\"permit\"}}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode states = Api.json(Api.get("/api/v1/patients/me/consents", Tokens.user("patient-de")));
    Instant use = Instant.parse(stateOf(states, "CLINICAL-DATA").get("validUntil").asText());
    Instant contact = Instant.parse(stateOf(states, "RECONTACT").get("validUntil").asText());
    Instant now = Instant.now();
    assertTrue(use.isAfter(now.plus(29 * 365, ChronoUnit.DAYS)), use.toString());
    assertTrue(contact.isBefore(now.plus(6 * 365, ChronoUnit.DAYS)), contact.toString());
    assertTrue(contact.isAfter(now.plus(4 * 365, ChronoUnit.DAYS)), contact.toString());
  }

  @Test
  void aMajorVersionAsksForConsentAgainAndTheOldVersionIsRefused() {
    String admin = Tokens.user("admin");
    String form =
        Api.json(Api.get("/api/v1/consent/forms/ch-general-consent/versions/1", admin)).toString();
    JsonNode v1 = Api.json(Api.get("/api/v1/consent/forms/ch-general-consent/versions/1", admin));
    String trial =
        ((com.fasterxml.jackson.databind.node.ObjectNode) v1.deepCopy())
            .put("id", "ch-trial-consent")
            .toString();
    assertEquals(201, Api.post("/api/v1/consent/forms", admin, trial).statusCode(), trial);
    String patient = Tokens.user("patient-ch");
    String body =
        "{\"formId\":\"ch-trial-consent\",\"formVersion\":1,\"language\":\"de\","
            + "\"decisions\":{\"CLINICAL-DATA\":\"permit\"}}";
    assertEquals(201, consent(patient, "me", body).statusCode());

    assertProblem(
        Api.post("/api/v1/consent/forms", Tokens.user("steward-ch"), trial), 403, "forbidden");
    assertProblem(Api.post("/api/v1/consent/forms", admin, trial), 409, "form-version-conflict");
    String v2 =
        ((com.fasterxml.jackson.databind.node.ObjectNode) v1.deepCopy())
            .put("id", "ch-trial-consent")
            .put("version", 2)
            .put("change", "major")
            .toString();
    HttpResponse<String> published = Api.post("/api/v1/consent/forms", admin, v2);
    assertEquals(201, published.statusCode(), published.body());
    assertEquals(1, Api.json(published).get("reconsentRequests").asInt());

    JsonNode requests =
        Api.json(Api.get("/api/v1/patients/me/consents/reconsent-requests", patient));
    assertEquals(1, requests.size(), requests.toString());
    assertEquals(2, requests.get(0).get("toVersion").asInt());
    assertProblem(consent(patient, "me", body), 409, "form-version-outdated");
    assertEquals(
        201,
        consent(patient, "me", body.replace("\"formVersion\":1", "\"formVersion\":2"))
            .statusCode());
    assertEquals(
        0, Api.json(Api.get("/api/v1/patients/me/consents/reconsent-requests", patient)).size());
    assertFalse(form.isEmpty());
  }

  @Test
  void aDraftIsSavedComparedAndPublishedThroughTheApi() {
    String admin = Tokens.user("admin");
    String id = "lu-api-draft-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    JsonNode seed =
        Api.json(Api.get("/api/v1/consent/forms/lu-research-consent/versions/1", admin));
    ObjectNode v1 = ((ObjectNode) seed.deepCopy()).put("id", id);
    assertEquals(201, Api.post("/api/v1/consent/forms", admin, v1.toString()).statusCode());
    String draftPath = "/api/v1/consent/forms/" + id + "/draft";
    assertProblem(Api.get(draftPath, admin), 404, "not-found");

    ObjectNode draft = v1.deepCopy().put("version", 2).put("change", "minor");
    ((ObjectNode) draft.get("title")).put("en", "Research on your data, topic by topic");
    assertProblem(
        Api.put(draftPath, admin, draft.deepCopy().put("version", 3).toString()),
        400,
        "invalid-request");
    assertProblem(
        Api.put(draftPath, admin, draft.deepCopy().put("id", "lu-research-consent").toString()),
        400,
        "invalid-request");
    assertProblem(
        Api.put(draftPath, Tokens.user("steward-lu"), draft.toString()), 403, "forbidden");
    HttpResponse<String> saved = Api.put(draftPath, admin, draft.toString());
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals("minor", Api.json(saved).get("change").asText());

    JsonNode preview = Api.json(Api.get(draftPath + "/preview", admin));
    assertEquals(1, preview.get("changes").size(), preview.toString());
    JsonNode change = preview.get("changes").get(0);
    assertEquals("title", change.get("part").asText());
    assertEquals("en", change.get("language").asText());
    assertEquals("Research on your data, topic by topic", change.get("after").asText());
    assertEquals(0, preview.get("askedAgain").asInt(), "a minor version asks nobody again");
    assertEquals(0, preview.get("askedAgainIfMajor").asInt(), "nobody consented on this form");

    HttpResponse<String> published = Api.post(draftPath + "/publish", admin, "");
    assertEquals(201, published.statusCode(), published.body());
    assertEquals(2, Api.json(published).get("version").asInt());
    assertTrue(Api.json(published).get("auditIndex").asLong() >= 0);
    assertProblem(Api.get(draftPath + "/preview", admin), 404, "not-found");
    assertEquals(204, Api.delete(draftPath, admin).statusCode());
  }

  @Test
  void theFhirConsentSearchShowsTheRecordsToThoseAllowedAndToTheNodeOfTheJurisdiction() {
    assertEquals(
        201,
        consent(Tokens.user("patient-lu"), "me", luConsent("\"CLINICAL-DATA\":\"permit\""))
            .statusCode());
    for (String token :
        new String[] {
          Tokens.node("node-lu"), Tokens.user("steward-lu"), Tokens.user("patient-lu")
        }) {
      HttpResponse<String> response = Api.get("/api/v1/fhir/r4/Consent?patient=LU-0001", token);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode bundle = Api.json(response);
      assertEquals("searchset", bundle.get("type").asText());
      JsonNode newest = bundle.at("/entry/0/resource");
      assertEquals("Consent", newest.get("resourceType").asText());
      assertEquals("active", newest.get("status").asText());
      assertEquals("LU-0001", newest.at("/patient/identifier/value").asText());
      assertTrue(
          newest
              .at("/policy/0/uri")
              .asText()
              .contains("/consent/forms/" + LU_FORM + "/versions/1"));
    }
    assertProblem(
        Api.get("/api/v1/fhir/r4/Consent?patient=LU-0001", Tokens.node("node-fr")),
        404,
        "not-found");
    assertProblem(
        Api.get("/api/v1/fhir/r4/Consent?patient=LU-0001", Tokens.user("patient-fr")),
        404,
        "not-found");
    assertProblem(
        Api.get("/api/v1/fhir/r4/Consent", Tokens.user("compliance")), 400, "invalid-request");
  }

  /**
   * The change and its audit entry are one transaction: when the database refuses the commit (a
   * deferred trigger, checked only at commit, stands in for any late failure), neither the record
   * nor its entry exists; when it commits, there is exactly one entry.
   */
  @Test
  void aChangeThatRollsBackLeavesNoAuditEntryAndOneThatCommitsLeavesExactlyOne() throws Exception {
    String steward = Tokens.user("steward-lu");
    assertEquals(
        201, PatientApiIT.post(steward, PatientApiIT.patient("LU-9901", "LU")).statusCode());
    int entries = PatientApiIT.auditEntriesAbout("LU-9901").size();
    try (java.sql.Connection connection =
            SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE FUNCTION public.refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN RAISE EXCEPTION 'refused at commit (test)'; END $$");
      statement.execute(
          "CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON consent.record"
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.psn = 'LU-9901')"
              + " EXECUTE FUNCTION public.refuse_at_commit()");
    }
    HttpResponse<String> failed;
    try {
      failed = Api.post("/api/v1/patients/LU-9901/consents/withdrawal", steward, "{}");
    } finally {
      try (java.sql.Connection connection =
              SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
          java.sql.Statement statement = connection.createStatement()) {
        statement.execute("DROP TRIGGER refuse_at_commit ON consent.record");
        statement.execute("DROP FUNCTION public.refuse_at_commit()");
      }
    }
    assertTrue(failed.statusCode() >= 500, failed.statusCode() + " " + failed.body());
    assertFalse(failed.body().contains("Exception"), failed.body());
    assertEquals(0, historySize("LU-9901"), "no record");
    assertEquals(entries, PatientApiIT.auditEntriesAbout("LU-9901").size(), "no audit entry");
    try (java.sql.Connection connection =
            SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet pending =
            statement.executeQuery(
                "SELECT count(*) FROM audit.pending_entry WHERE subject_id = 'LU-9901'")) {
      pending.next();
      assertEquals(0, pending.getInt(1), "nothing pending either");
    }

    HttpResponse<String> committed =
        Api.post("/api/v1/patients/LU-9901/consents/withdrawal", steward, "{}");
    assertEquals(201, committed.statusCode(), committed.body());
    assertEquals(1, historySize("LU-9901"));
    java.util.List<JsonNode> after = PatientApiIT.auditEntriesAbout("LU-9901");
    assertEquals(entries + 1, after.size(), "exactly one entry");
    assertEquals(
        String.valueOf(Api.json(committed).get("auditIndex").asLong()),
        after.get(0).get("id").asText());
  }
}
