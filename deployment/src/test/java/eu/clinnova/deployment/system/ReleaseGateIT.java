package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clinnova.node.NodeClient;
import eu.clinnova.node.ReleaseAnswer;
import eu.clinnova.node.ReleaseAsk;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release gate end to end (issue 6): real WildFly, PostgreSQL and Keycloak; the nodes are
 * played by {@link NodeClient}, the library a node embeds, which verifies every answer.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ReleaseGateIT {

  static final String DATASET = "lu-ibd-clinical";

  static NodeClient node(String clientId) {
    return new NodeClient(
        new NodeClient.Settings(
            URI.create(SystemTestEnvironment.portalUrl()),
            URI.create(SystemTestEnvironment.keycloakRealmUrl()),
            clientId,
            clientId + "-secret",
            Optional.empty()));
  }

  /** An approved application on the LU dataset with its agreement accepted; its recipient. */
  record Grant(String applicationId, String recipient, String entitlementId) {}

  static Grant grant(String user) {
    String token = Tokens.user(user);
    String id = ApplicationApiIT.approvedNotAccepted(token, DATASET, "LU", "CNER 202411");
    HttpResponse<String> accepted =
        Api.post("/api/v1/applications/" + id + "/agreement", token, ApplicationApiIT.acceptance());
    assertEquals(201, accepted.statusCode(), accepted.body());
    return new Grant(
        id,
        Api.json(Api.get("/api/v1/me", token)).get("sub").asText(),
        ApplicationApiIT.entitlementOf(token, id, DATASET).orElseThrow());
  }

  /** A patient enrolled by the LU steward, with a paper consent if {@code decisions} is given. */
  static String patient(String cohorts, String decisions) {
    String psn = "LU-G" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String steward = Tokens.user("steward-lu");
    HttpResponse<String> enrolled =
        PatientApiIT.post(
            steward,
            "{\"psn\":\""
                + psn
                + "\",\"jurisdiction\":\"LU\",\"site\":\"CHL\",\"cohorts\":["
                + cohorts
                + "],\"minor\":false}");
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    if (decisions != null) {
      String evidence = ConsentApiIT.evidence(steward, psn);
      HttpResponse<String> recorded =
          ConsentApiIT.consent(
              steward,
              psn,
              ConsentApiIT.luConsent(decisions)
                  .replace(
                      "}}",
                      "},\"signer\":{\"kind\":\"staff-paper\"},\"evidenceAttachmentId\":\""
                          + evidence
                          + "\"}"));
      assertEquals(201, recorded.statusCode(), recorded.body());
    }
    return psn;
  }

  static final String ALL_NEEDED = "\"CLINICAL-DATA\":\"permit\",\"CROSS-BORDER\":\"permit\"";

  static NodeClient.Outcome ask(NodeClient node, Grant grant, List<String> subjects)
      throws Exception {
    return node.ask(new ReleaseAsk(grant.applicationId(), DATASET, grant.recipient(), subjects));
  }

  static int releasesOf(String applicationId) {
    return Api.json(
            Api.get("/api/v1/releases?applicationId=" + applicationId, Tokens.user("compliance")))
        .size();
  }

  static Map<String, String> reasons(ReleaseAnswer answer) {
    Map<String, String> reasons = new TreeMap<>();
    answer.denied().forEach(denial -> reasons.put(denial.psn(), denial.reason()));
    return reasons;
  }

  /** General health research (HMB) that trains AI models, on the LU IBD dataset, agreed to. */
  static Grant aiGrant(String user) {
    String token = Tokens.user(user);
    String body =
        ApplicationApiIT.body("Foundation model of health records", DATASET)
            .replace(
                "\"purpose\":{\"duo\":[\"DS\"],\"disease\":\"MONDO:0005011\",",
                "\"purpose\":{\"duo\":[\"HMB\"],\"aiTraining\":true,");
    String id = ApplicationApiIT.submitted(token, body, "LU", "CNER 202450");
    ApplicationApiIT.approveIn(id, "lu");
    assertEquals(
        201,
        Api.post("/api/v1/applications/" + id + "/agreement", token, ApplicationApiIT.acceptance())
            .statusCode());
    return new Grant(
        id,
        Api.json(Api.get("/api/v1/me", token)).get("sub").asText(),
        ApplicationApiIT.entitlementOf(token, id, DATASET).orElseThrow());
  }

  @Test
  void consentForThePurposeGeneralHealthResearchAndAiTrainingNeedTheirOwnYes() throws Exception {
    Grant grant = aiGrant("researcher2");
    JsonNode application =
        Api.json(Api.get("/api/v1/applications/" + grant.applicationId(), Tokens.user("dac-lu")));
    assertEquals(
        List.of("CLINICAL-DATA", "BROAD-HEALTH", "AI-TRAINING", "CROSS-BORDER"),
        ApplicationApiIT.strings(application.at("/modulesNeeded/" + DATASET)),
        application.toString());
    // Roughly how many of the dataset's patients the purpose leaves today: a count, no names.
    JsonNode today = application.at("/subjectsToday/" + DATASET);
    assertTrue(today.get("inCohortApprox").asInt() > 0, today.toString());
    assertTrue(
        today.get("permittingApprox").asInt() <= today.get("inCohortApprox").asInt(),
        today.toString());
    assertFalse(today.toString().contains("LU-"), "no pseudonyms");
    String agreedToEverything =
        patient("\"IBD\"", ALL_NEEDED + ",\"BROAD-HEALTH\":\"permit\",\"AI-TRAINING\":\"permit\"");
    // Yes to research on their own disease, no to "any health research" (the case).
    String ownDiseaseOnly =
        patient("\"IBD\"", ALL_NEEDED + ",\"BROAD-HEALTH\":\"deny\",\"AI-TRAINING\":\"permit\"");
    // Yes to health research, no to AI training: a dataset that does not list AI-TRAINING.
    String noAi =
        patient("\"IBD\"", ALL_NEEDED + ",\"BROAD-HEALTH\":\"permit\",\"AI-TRAINING\":\"deny\"");
    String neverAsked = patient("\"IBD\"", ALL_NEEDED);
    NodeClient.Outcome outcome =
        ask(node("node-lu"), grant, List.of(agreedToEverything, ownDiseaseOnly, noAi, neverAsked));
    assertEquals(List.of(), outcome.failures());
    assertEquals(List.of(agreedToEverything), outcome.releasable());
    assertEquals(
        new TreeMap<>(
            Map.of(
                ownDiseaseOnly, "consent-missing",
                noAi, "consent-missing",
                neverAsked, "consent-missing")),
        reasons(outcome.answer()));
    JsonNode entry =
        Api.json(
                Api.get(
                    "/api/v1/audit/entries?start=" + outcome.answer().audit().index() + "&limit=1",
                    Tokens.user("compliance")))
            .at("/entries/0/entry");
    assertEquals(
        List.of("CLINICAL-DATA", "BROAD-HEALTH", "AI-TRAINING", "CROSS-BORDER"),
        ApplicationApiIT.strings(entry.at("/data/modules")),
        "the log says which modules the release needed");
  }

  @Test
  void aConsentingPatientIsReleasedUntilTheyWithdraw() throws Exception {
    Grant grant = grant("researcher");
    String patient = Tokens.user("patient-lu");
    assertEquals(
        201, ConsentApiIT.consent(patient, "me", ConsentApiIT.luConsent(ALL_NEEDED)).statusCode());
    String noConsent = patient("\"IBD\"", null);
    String otherCohort = patient("\"MS\"", ALL_NEEDED);
    String noCrossBorder = patient("\"IBD\"", "\"CLINICAL-DATA\":\"permit\"");
    NodeClient nodeLu = node("node-lu");
    List<String> subjects =
        List.of("LU-0001", noConsent, otherCohort, noCrossBorder, "LU-NOSUCH01", "FR-0001");
    try {
      NodeClient.Outcome first = ask(nodeLu, grant, subjects);
      assertEquals(List.of(), first.failures(), "the node verifies token, proof and checkpoint");
      assertEquals("partial", first.answer().decision());
      assertEquals(List.of("LU-0001"), first.releasable());
      assertEquals(
          new TreeMap<>(
              Map.of(
                  noConsent,
                  "consent-missing",
                  otherCohort,
                  "wrong-cohort",
                  noCrossBorder,
                  "consent-missing",
                  "LU-NOSUCH01",
                  "unknown-subject",
                  "FR-0001",
                  "unknown-subject")),
          reasons(first.answer()));
      String releaseId = first.answer().releaseId();

      // The patient sees it under "who used my data"; compliance finds it with its subjects.
      JsonNode disclosures = Api.json(Api.get("/api/v1/patients/me/disclosures", patient));
      assertTrue(disclosures.toString().contains(releaseId), disclosures.toString());
      JsonNode stored =
          Api.json(Api.get("/api/v1/releases/" + releaseId, Tokens.user("compliance")));
      assertEquals("partial", stored.get("decision").asText());
      assertEquals(6, stored.get("requested").asInt());
      assertEquals(1, stored.get("permitted").asInt());
      assertEquals(2, stored.at("/denials/unknown-subject").asInt());
      assertEquals(5, stored.get("denied").size());
      assertEquals(
          List.of("CLINICAL-DATA", "CROSS-BORDER"),
          ApplicationApiIT.strings(stored.get("modules")),
          "the researcher works in no LU group: the data cross a border");
      // The audit entry is the decision, with the subject lists as digests only.
      long index = first.answer().audit().index();
      assertEquals(index, stored.get("auditIndex").asLong());
      JsonNode entry =
          Api.json(
                  Api.get(
                      "/api/v1/audit/entries?start=" + index + "&limit=1",
                      Tokens.user("compliance")))
              .at("/entries/0/entry");
      assertEquals("release.decided", entry.get("action").asText());
      assertEquals(releaseId, entry.at("/subject/id").asText());
      assertEquals(
          eu.clinnova.node.AnswerVerifier.subjectsSha256(List.of("LU-0001")),
          entry.at("/data/permittedSha256").asText());
      assertFalse(entry.toString().contains("LU-0001"), "no pseudonym list in the log");
      // The committee of the dataset's jurisdiction sees it; another committee does not.
      assertTrue(
          Api.get("/api/v1/releases?applicationId=" + grant.applicationId(), Tokens.user("dac-lu"))
              .body()
              .contains(releaseId));
      assertFalse(
          Api.get("/api/v1/releases?applicationId=" + grant.applicationId(), Tokens.user("dac-fr"))
              .body()
              .contains(releaseId));
      ApiIT.assertProblem(
          Api.get("/api/v1/releases/" + releaseId, Tokens.user("dac-fr")), 404, "not-found");
      // Paging: the next page starts after the last release shown, by its decidedAt and id.
      String listed = "/api/v1/releases?applicationId=" + grant.applicationId() + "&limit=1";
      var shown = Api.json(Api.get(listed, Tokens.user("compliance"))).get(0);
      HttpResponse<String> next =
          Api.get(
              listed
                  + "&before="
                  + shown.get("decidedAt").asText()
                  + "&beforeReleaseId="
                  + shown.get("releaseId").asText(),
              Tokens.user("compliance"));
      assertEquals(200, next.statusCode(), next.body());
      assertFalse(next.body().contains(shown.get("releaseId").asText()));
      ApiIT.assertProblem(
          Api.get("/api/v1/releases?beforeReleaseId=" + releaseId, Tokens.user("compliance")),
          400,
          "invalid-request");

      // The patient withdraws; the next decision honours it.
      HttpResponse<String> withdrawn =
          Api.post("/api/v1/patients/me/consents/withdrawal", patient, "{}");
      assertEquals(201, withdrawn.statusCode(), withdrawn.body());
      NodeClient.Outcome second = ask(nodeLu, grant, List.of("LU-0001", noCrossBorder));
      assertEquals(List.of(), second.failures());
      assertEquals("deny", second.answer().decision());
      assertTrue(second.answer().token().isEmpty(), "no token when nothing is permitted");
      assertEquals("consent-withdrawn", reasons(second.answer()).get("LU-0001"));
      assertEquals(List.of(), second.releasable());

      // Another node may not ask for this dataset: refused, nothing recorded.
      int before = releasesOf(grant.applicationId());
      NodeClient.GateRefusal refused =
          assertThrows(
              NodeClient.GateRefusal.class, () -> ask(node("node-fr"), grant, List.of("LU-0001")));
      assertEquals(403, refused.status());
      assertTrue(refused.problem().contains("/problems/wrong-node"), refused.problem());
      assertEquals(before, releasesOf(grant.applicationId()));
    } finally {
      ConsentApiIT.consent(patient, "me", ConsentApiIT.luConsent("\"CLINICAL-DATA\":\"permit\""));
    }
  }

  @Test
  void aRevokedEntitlementOrEndedEthicsApprovalDeniesEveryone() throws Exception {
    String subject = patient("\"IBD\"", ALL_NEEDED);
    NodeClient nodeLu = node("node-lu");

    Grant revoked = grant("researcher2");
    assertEquals("permit", ask(nodeLu, revoked, List.of(subject)).answer().decision());
    assertEquals(
        200,
        Api.post(
                "/api/v1/entitlements/" + revoked.entitlementId() + "/revoke",
                Tokens.user("dac-lu"),
                "{\"reason\":\"Data used beyond the approved purpose.\"}")
            .statusCode());
    NodeClient.Outcome afterRevocation = ask(nodeLu, revoked, List.of(subject));
    assertEquals(List.of(), afterRevocation.failures());
    assertEquals("deny", afterRevocation.answer().decision());
    assertEquals(List.of("entitlement-revoked"), afterRevocation.answer().reasons());
    assertEquals(Map.of(subject, "entitlement-revoked"), reasons(afterRevocation.answer()));

    Grant ended = grant("researcher2");
    assertEquals("permit", ask(nodeLu, ended, List.of(subject)).answer().decision());
    endEthicsApprovalYesterday(ended.applicationId());
    NodeClient.Outcome afterEthics = ask(nodeLu, ended, List.of(subject));
    assertEquals("deny", afterEthics.answer().decision());
    assertEquals(List.of("ethics-expired"), afterEthics.answer().reasons());

    // A recipient without an entitlement through this application, who accepted no agreement.
    Grant other = new Grant(ended.applicationId(), "someone-else", ended.entitlementId());
    assertEquals(
        List.of("no-entitlement", "agreement-missing", "ethics-expired"),
        ask(nodeLu, other, List.of(subject)).answer().reasons());
  }

  /**
   * Team members with accounts (issue 20, ADR 0027): the team names researcher2 and
   * researcher-dac-de by their demo addresses (typed in another case). Each is recognised by the
   * address Keycloak verified, reads the application without changing it, accepts the agreement in
   * their own name, and only then receives data, under an entitlement of their own.
   */
  @Test
  void eachTeamMemberAcceptsInTheirOwnNameAndReceivesUnderTheirOwnEntitlement() throws Exception {
    String subject = patient("\"IBD\"", ALL_NEEDED);
    NodeClient nodeLu = node("node-lu");
    String applicant = Tokens.user("researcher");
    String early = Tokens.user("researcher2");
    String late = Tokens.user("researcher-dac-de");
    String body =
        ApplicationApiIT.body("Team study", DATASET)
            .replace(
                "{\"name\":\"A. Researcher\",\"email\":\"a.researcher@uni.example\"",
                "{\"name\":\"Rita Zweite\",\"email\":\"Researcher2@Demo.Clinnova.eu\","
                    + "\"affiliation\":\"LIH\"},{\"name\":\"Dieter Spät\","
                    + "\"email\":\"researcher-dac-de@demo.clinnova.eu\"");
    String id = ApplicationApiIT.submitted(applicant, body, "LU", "CNER 202412");
    String path = "/api/v1/applications/" + id;

    JsonNode seen = Api.json(Api.get(path, early));
    assertEquals("team-member", seen.get("viewer").asText(), seen.toString());
    assertFalse(seen.has("votes"), "a team member reads the applicant's view");
    assertTrue(
        Api.json(Api.get("/api/v1/applications", early)).toString().contains(id),
        "listed among their applications");
    ApiIT.assertProblem(Api.post(path + "/withdraw", early, ""), 403, "forbidden");
    ApiIT.assertProblem(
        Api.get(path, Tokens.user("dac-fr")), 404, "not-found"); // not on the team, not LU's
    ApiIT.assertProblem(
        Api.post(path + "/agreement", early, ApplicationApiIT.acceptance()),
        409,
        "agreement-not-expected");

    ApplicationApiIT.approveIn(id, "lu");
    // researcher2 accepts before the applicant: nothing to share yet.
    assertEquals(
        201, Api.post(path + "/agreement", early, ApplicationApiIT.acceptance()).statusCode());
    ApiIT.assertProblem(
        Api.post(path + "/agreement", early, ApplicationApiIT.acceptance()),
        409,
        "agreement-not-expected");
    String earlySub = Api.json(Api.get("/api/v1/me", early)).get("sub").asText();
    Grant beforeApplicant = new Grant(id, earlySub, "");
    assertEquals(
        List.of("no-entitlement"),
        ask(nodeLu, beforeApplicant, List.of(subject)).answer().reasons(),
        "their own agreement counts, but there is no access yet to share");

    // The applicant accepts: their access, and at once researcher2's.
    assertEquals(
        201, Api.post(path + "/agreement", applicant, ApplicationApiIT.acceptance()).statusCode());
    String earlyEntitlement =
        ApplicationApiIT.entitlementOf(early, id, DATASET)
            .orElseThrow(() -> new AssertionError("researcher2 holds their own entitlement"));
    NodeClient.Outcome toEarly = ask(nodeLu, new Grant(id, earlySub, ""), List.of(subject));
    assertEquals(List.of(), toEarly.failures());
    assertEquals("permit", toEarly.answer().decision(), toEarly.answer().reasons().toString());
    assertEquals(List.of(subject), toEarly.answer().permitted());
    Mailboxes.awaitAbout(
        "researcher2@demo.clinnova.eu", id, "Your access for “Team study” is granted");

    // researcher-dac-de has not accepted: told by e-mail, refused by the gate until they do.
    String lateSub = Api.json(Api.get("/api/v1/me", late)).get("sub").asText();
    Mailboxes.awaitAbout(
        "researcher-dac-de@demo.clinnova.eu", id, "You are on the team of “Team study”");
    assertEquals(
        List.of("no-entitlement", "agreement-missing"),
        ask(nodeLu, new Grant(id, lateSub, ""), List.of(subject)).answer().reasons());
    assertEquals(
        201, Api.post(path + "/agreement", late, ApplicationApiIT.acceptance()).statusCode());
    assertEquals(
        "permit",
        ask(nodeLu, new Grant(id, lateSub, ""), List.of(subject)).answer().decision(),
        "the applicant's access is shared when they accept");
    Mailboxes.await(
        "researcher@demo.clinnova.eu",
        mail ->
            mail.subject() != null
                && mail.subject().startsWith("A member of your team accepted the agreement"),
        2);

    JsonNode team = Api.json(Api.get(path, applicant));
    assertEquals("applicant", team.get("viewer").asText());
    assertEquals(2, team.get("teamAgreements").size(), team.get("teamAgreements").toString());
    team.get("teamAgreements").forEach(member -> assertTrue(member.get("accepted").asBoolean()));
    assertEquals(3, team.get("entitlements").size(), "the applicant's and each member's");
    assertTrue(
        ApplicationApiIT.auditActions("application/" + id)
            .contains("application.member-agreement-accepted"));

    // Each access is its own: the committee revokes one member's, the others go on.
    assertEquals(
        200,
        Api.post(
                "/api/v1/entitlements/" + earlyEntitlement + "/revoke",
                Tokens.user("dac-lu"),
                "{\"reason\":\"Left the project.\"}")
            .statusCode());
    assertEquals(
        List.of("entitlement-revoked"),
        ask(nodeLu, new Grant(id, earlySub, ""), List.of(subject)).answer().reasons());
    Mailboxes.awaitAbout(
        "researcher2@demo.clinnova.eu", id, "Your access for “Team study” was revoked");
    assertEquals(
        "permit", ask(nodeLu, new Grant(id, lateSub, ""), List.of(subject)).answer().decision());
  }

  /** As if time had passed: the application's ethics approvals ended yesterday. */
  static void endEthicsApprovalYesterday(String applicationId) throws SQLException {
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "ALTER TABLE workflow.ethics_approval DISABLE TRIGGER ethics_approval_append_only");
      try {
        sql.executeUpdate(
            "UPDATE workflow.ethics_approval SET valid_from = current_date - 90,"
                + " valid_until = current_date - 1 WHERE application_id = '"
                + UUID.fromString(applicationId)
                + "'");
      } finally {
        sql.execute(
            "ALTER TABLE workflow.ethics_approval ENABLE TRIGGER ethics_approval_append_only");
      }
    }
  }

  @Test
  void badRequestsAreRefusedClearlyAndNothingIsRecorded() throws Exception {
    Grant grant = grant("researcher2");
    String node = Tokens.node("node-lu");
    long logSize = logSize();
    String base =
        "{\"applicationId\":\""
            + grant.applicationId()
            + "\",\"datasetId\":\""
            + DATASET
            + "\",\"recipient\":\""
            + grant.recipient()
            + "\",\"subjects\":";
    ApiIT.assertProblem(
        Api.post(
            "/api/v1/releases",
            node,
            base.replace(grant.applicationId(), UUID.randomUUID().toString()) + "[\"LU-0001\"]}"),
        404,
        "not-found");
    ApiIT.assertProblem(
        Api.post(
            "/api/v1/releases", node, base.replace(DATASET, "lu-no-such-set") + "[\"LU-0001\"]}"),
        404,
        "not-found");
    HttpResponse<String> duplicate =
        Api.post("/api/v1/releases", node, base + "[\"LU-0001\",\"LU-0001\"]}");
    ApiIT.assertProblem(duplicate, 400, "invalid-request");
    assertEquals(
        List.of("subjects[1]"), ApplicationApiIT.fields(Api.json(duplicate).get("errors")));
    HttpResponse<String> malformed =
        Api.post("/api/v1/releases", node, base + "[\"LU-0001\",\"lu-2\",42]}");
    ApiIT.assertProblem(malformed, 400, "invalid-request");
    assertEquals(
        List.of("subjects[1]", "subjects[2]"),
        ApplicationApiIT.fields(Api.json(malformed).get("errors")));
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i <= 100_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"LU-").append(String.format("%06d", i)).append('"');
    }
    ApiIT.assertProblem(
        Api.post("/api/v1/releases", node, base + many + "]}"), 413, "too-many-subjects");
    ApiIT.assertProblem(
        Api.post("/api/v1/releases", Tokens.node("node-de"), base + "[\"LU-0001\"]}"),
        403,
        "wrong-node");
    ApiIT.assertProblem(
        Api.post("/api/v1/releases", Tokens.user("researcher2"), base + "[\"LU-0001\"]}"),
        403,
        "forbidden");
    ApiIT.assertProblem(Api.post("/api/v1/releases", node, "{not json"), 400, "malformed-json");
    assertEquals(0, releasesOf(grant.applicationId()), "nothing recorded");
    assertEquals(logSize, logSize(), "nothing logged");
  }

  static long logSize() {
    String checkpoint = Api.get("/api/v1/audit/checkpoint", null).body();
    return Long.parseLong(checkpoint.split("\n")[1]);
  }

  @Test
  void withoutTheAuditLogNothingIsPermittedAndTheGateRecovers() throws Exception {
    Grant grant = grant("researcher2");
    String subject = patient("\"IBD\"", ALL_NEEDED);
    NodeClient nodeLu = node("node-lu");
    int before = releasesOf(grant.applicationId());
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("REVOKE INSERT ON audit.entry FROM clinnova_app");
      try {
        NodeClient.GateRefusal refused =
            assertThrows(NodeClient.GateRefusal.class, () -> ask(nodeLu, grant, List.of(subject)));
        assertEquals(503, refused.status(), refused.problem());
        assertTrue(refused.problem().contains("audit-log-unavailable"), refused.problem());
      } finally {
        sql.execute("GRANT INSERT ON audit.entry TO clinnova_app");
      }
    }
    assertEquals(before, releasesOf(grant.applicationId()), "nothing recorded");
    assertFalse(
        Api.get("/api/v1/patients/" + subject + "/disclosures", Tokens.user("compliance"))
            .body()
            .contains(grant.applicationId()),
        "no disclosure");
    NodeClient.Outcome recovered = null;
    for (int attempt = 0; attempt < 60 && recovered == null; attempt++) {
      try {
        recovered = ask(nodeLu, grant, List.of(subject));
      } catch (NodeClient.GateRefusal stillDown) {
        assertEquals(503, stillDown.status(), stillDown.problem());
        Thread.sleep(500);
      }
    }
    assertTrue(recovered != null, "the gate answers again once the log is writable");
    assertEquals(List.of(), recovered.failures());
    assertEquals(List.of(subject), recovered.releasable());
  }

  @Test
  void noReleaseDecidedAfterAWithdrawalCommittedPermitsThatSubject() throws Exception {
    Grant grant = grant("researcher2");
    List<String> subjects = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      subjects.add(patient("\"IBD\"", ALL_NEEDED));
    }
    // Half the nodes ask in large requests, the 12 patients spread among 2,388 unknown
    // pseudonyms: from 2,000 subjects the gate reads in parts on two connections sharing its
    // snapshot, while its own connection reads the grounds. Both readers must honour a withdrawal.
    List<String> large = new ArrayList<>();
    for (int i = 0; i < 2_400; i++) {
      large.add(i % 200 == 0 ? subjects.get(i / 200) : String.format("LU-PAD%06d", i));
    }
    String steward = Tokens.user("steward-lu");
    Map<String, Long> withdrawnAt = new java.util.concurrent.ConcurrentHashMap<>();
    record Asked(long sentAt, boolean large, NodeClient.Outcome outcome) {}
    List<Asked> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean withdrawing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      List<java.util.concurrent.Future<?>> nodes = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        NodeClient client = node("node-lu");
        List<String> asking = n % 2 == 0 ? subjects : large;
        nodes.add(
            pool.submit(
                () -> {
                  while (withdrawing.get()) {
                    long sentAt = System.nanoTime();
                    answers.add(new Asked(sentAt, asking == large, ask(client, grant, asking)));
                  }
                  return null;
                }));
      }
      Thread.sleep(300);
      for (String psn : subjects) {
        HttpResponse<String> withdrawn =
            Api.post(
                "/api/v1/patients/" + psn + "/consents/withdrawal",
                steward,
                "{\"reason\":\"Patient phoned the hospital.\"}");
        assertEquals(201, withdrawn.statusCode(), withdrawn.body());
        withdrawnAt.put(psn, System.nanoTime());
        Thread.sleep(40);
      }
      Thread.sleep(300);
      withdrawing.set(false);
      for (java.util.concurrent.Future<?> done : nodes) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int checked = 0;
    for (Asked asked : answers) {
      assertEquals(List.of(), asked.outcome().failures());
      for (String psn : asked.outcome().releasable()) {
        Long committed = withdrawnAt.get(psn);
        assertFalse(
            committed != null && asked.sentAt() > committed,
            psn + " was permitted by a release asked after their withdrawal committed");
        checked++;
      }
    }
    assertTrue(answers.size() >= 8, "releases raced the withdrawals: " + answers.size());
    assertTrue(
        answers.stream().filter(Asked::large).count() >= 2,
        "large releases raced the withdrawals too");
    assertTrue(checked > 0, "some subjects were permitted before they withdrew");
    NodeClient.Outcome last = ask(node("node-lu"), grant, subjects);
    assertEquals("deny", last.answer().decision());
    assertTrue(
        last.answer().denied().stream().allMatch(d -> d.reason().equals("consent-withdrawn")));
  }
}
