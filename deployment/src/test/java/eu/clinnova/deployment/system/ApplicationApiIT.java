package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applications and their review through the API, against the real server, Keycloak and the deployed
 * BPMN process: draft to entitlements in two jurisdictions with a return on the way, what is
 * missing, who sees what, votes, quorum, conflicts of interest, rejection, withdrawal, and bad
 * input that writes nothing.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ApplicationApiIT {

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  static String body(String title, String... datasets) {
    return "{\"title\":\""
        + title
        + "\",\"laySummary\":\"We study how Crohn disease progresses.\","
        + "\"purpose\":{\"duo\":[\"DS\"],\"disease\":\"MONDO:0005011\","
        + "\"description\":\"Progression models of Crohn disease.\"},"
        + "\"datasets\":[\""
        + String.join("\",\"", datasets)
        + "\"],\"team\":[{\"name\":\"A. Researcher\",\"email\":\"a.researcher@uni.example\","
        + "\"affiliation\":\"University of Luxembourg\"}],\"durationMonths\":24}";
  }

  @Test
  void anApplicantSaysWhatEachFileIsAndRemovesOneUploadedByMistake() {
    String researcher = Tokens.user("researcher");
    HttpResponse<String> created =
        Api.post("/api/v1/applications", researcher, body("Files", "lu-ibd-clinical"));
    assertEquals(201, created.statusCode(), created.body());
    String path = "/api/v1/applications/" + Api.json(created).get("id").asText();
    String wrong =
        Api.json(Api.upload(path + "/attachments", researcher, "application/pdf", PDF))
            .get("attachmentId")
            .asText();
    String letter =
        Api.json(Api.upload(path + "/attachments", researcher, "application/pdf", PDF))
            .get("attachmentId")
            .asText();

    HttpResponse<String> labelled =
        Api.put(path + "/attachments/" + letter, researcher, "{\"kind\":\"ethics-letter\"}");
    assertEquals(200, labelled.statusCode(), labelled.body());
    assertEquals("ethics-letter", Api.json(labelled).get("kind").asText());
    assertTrue(Api.json(labelled).has("auditIndex"));
    assertProblem(
        Api.put(path + "/attachments/" + letter, researcher, "{\"kind\":\"cv\"}"),
        400,
        "invalid-request");
    assertProblem(
        Api.put(path + "/attachments/" + letter, researcher, "{\"kind\":7}"),
        400,
        "invalid-request");
    assertProblem(
        Api.delete(path + "/attachments/" + wrong, Tokens.user("researcher2")), 404, "not-found");
    assertEquals(
        201,
        Api.post(
                path + "/ethics-approvals", researcher, ethics("LU", "CNER", "CNER 202301", letter))
            .statusCode());
    assertProblem(
        Api.delete(path + "/attachments/" + letter, researcher), 409, "attachment-in-use");

    assertEquals(204, Api.delete(path + "/attachments/" + wrong, researcher).statusCode());
    assertProblem(Api.delete(path + "/attachments/" + wrong, researcher), 404, "not-found");
    assertEquals(404, Api.get(path + "/attachments/" + wrong, researcher).statusCode());
    com.fasterxml.jackson.databind.JsonNode file = Api.json(Api.get(path, researcher));
    assertEquals(1, file.get("attachments").size(), file.toString());
    assertEquals("ethics-letter", file.get("attachments").get(0).get("kind").asText());
    assertTrue(
        auditActions("application/" + Api.json(created).get("id").asText())
            .containsAll(
                List.of("application.attachment-labelled", "application.attachment-removed")));
  }

  @Test
  void anApplicantDeletesAnEmptyDraftAndItIsGoneFromTheirList() {
    String researcher = Tokens.user("researcher");
    HttpResponse<String> created = Api.post("/api/v1/applications", researcher, "{}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Api.json(created).get("id").asText();
    assertProblem(
        Api.delete("/api/v1/applications/" + id, Tokens.user("researcher2")), 404, "not-found");
    assertEquals(204, Api.delete("/api/v1/applications/" + id, researcher).statusCode());
    assertProblem(Api.get("/api/v1/applications/" + id, researcher), 404, "not-found");
    assertProblem(Api.delete("/api/v1/applications/" + id, researcher), 404, "not-found");
    JsonNode mine = Api.json(Api.get("/api/v1/applications?state=draft", researcher));
    mine.forEach(application -> assertTrue(!application.get("id").asText().equals(id)));
    assertProblem(Api.get("/api/v1/applications?state=nope", researcher), 400, "invalid-request");
    assertProblem(
        Api.get("/api/v1/applications?jurisdiction=XX", researcher), 400, "invalid-request");
  }

  @Test
  void anAdministratorPublishesTheAgreementsNextVersionAndApplicantsAcceptThatOne() {
    String admin = Tokens.user("admin");
    JsonNode before = Api.json(Api.get("/api/v1/agreements", Tokens.user("researcher")));
    int inForce = before.get(0).get("version").asInt();
    String text =
        Api.json(Api.get("/api/v1/agreements/" + inForce, Tokens.user("researcher")))
            .get("text")
            .asText();
    String next = text + "\n" + inForce + ". Every publication is announced to the committee.\n";
    String body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode()
            .put("text", next)
            .toString();

    assertProblem(
        Api.post("/api/v1/agreements", Tokens.user("steward-lu"), body), 403, "forbidden");
    assertProblem(Api.post("/api/v1/agreements", admin, "{}"), 400, "invalid-request");
    assertProblem(
        Api.post(
            "/api/v1/agreements",
            admin,
            new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("text", text)
                .toString()),
        400,
        "invalid-request");
    HttpResponse<String> published = Api.post("/api/v1/agreements", admin, body);
    assertEquals(201, published.statusCode(), published.body());
    JsonNode version = Api.json(published);
    assertEquals(inForce + 1, version.get("version").asInt());
    assertTrue(version.get("auditIndex").asLong() >= 0);
    assertEquals(
        next, Api.json(Api.get("/api/v1/agreements/" + (inForce + 1), admin)).get("text").asText());
    assertProblem(Api.get("/api/v1/agreements/" + (inForce + 2), admin), 404, "not-found");

    String researcher = Tokens.user("researcher");
    String id = approvedNotAccepted(researcher, "lu-ibd-clinical", "LU", "CNER 202501");
    JsonNode approved = Api.json(Api.get("/api/v1/applications/" + id, researcher));
    assertEquals(inForce + 1, approved.at("/agreement/version").asInt(), approved.toString());
    assertProblem(
        Api.post(
            "/api/v1/applications/" + id + "/agreement",
            researcher,
            "{\"accepted\":true,\"agreementVersion\":" + inForce + "}"),
        409,
        "agreement-version-outdated");
    assertEquals(
        201,
        Api.post("/api/v1/applications/" + id + "/agreement", researcher, acceptance())
            .statusCode());
  }

  @Test
  void twoJurisdictionsFromDraftThroughAReturnToEntitlements() {
    String researcher = Tokens.user("researcher");
    HttpResponse<String> created =
        Api.post("/api/v1/applications", researcher, "{\"title\":\"Crohn progression\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode draft = Api.json(created);
    String id = draft.get("id").asText();
    String path = "/api/v1/applications/" + id;
    assertEquals("draft", draft.get("state").asText());
    assertTrue(fields(draft.get("missing")).contains("laySummary"), draft.toString());

    HttpResponse<String> saved =
        Api.put(path, researcher, body("Crohn progression", "lu-ibd-clinical", "ch-ibd-general"));
    assertEquals(200, saved.statusCode(), saved.body());
    JsonNode full = Api.json(saved);
    assertEquals(List.of("LU", "CH"), codes(full.get("jurisdictions")));
    assertTrue(
        match(full, "ch-ibd-general").get("reasons").toString().contains("GS"), full.toString());
    assertEquals(
        "needs-human", match(full, "lu-ibd-clinical").get("outcome").asText(), full.toString());

    HttpResponse<String> incomplete = Api.post(path + "/submit", researcher, "");
    assertProblem(incomplete, 409, "application-incomplete");
    assertEquals(
        List.of("ethicsApprovals.LU", "ethicsApprovals.CH"),
        fields(Api.json(incomplete).get("errors")));

    HttpResponse<String> uploaded =
        Api.upload(path + "/attachments", researcher, "application/pdf", PDF);
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    String attachment = Api.json(uploaded).get("attachmentId").asText();
    assertEquals(64, Api.json(uploaded).get("sha256").asText().length());
    assertProblem(
        Api.upload(
            path + "/attachments",
            researcher,
            "text/plain",
            "hello".getBytes(StandardCharsets.UTF_8)),
        415,
        "attachment-type");

    HttpResponse<String> badReference =
        Api.post(
            path + "/ethics-approvals", researcher, ethics("CH", "EKNZ", "BASEC 17", attachment));
    assertProblem(badReference, 400, "invalid-request");
    assertTrue(badReference.body().contains("reference"), badReference.body());
    assertEquals(
        0, Api.json(Api.get(path, researcher)).get("ethicsApprovals").size(), "nothing written");
    assertEquals(
        201,
        Api.post(
                path + "/ethics-approvals",
                researcher,
                ethics("LU", "CNER", "CNER 202301", attachment))
            .statusCode());
    assertEquals(
        201,
        Api.post(
                path + "/ethics-approvals",
                researcher,
                ethics("CH", "EKNZ", "2023-00123", attachment))
            .statusCode());

    HttpResponse<String> submitted = Api.post(path + "/submit", researcher, "");
    assertEquals(200, submitted.statusCode(), submitted.body());
    assertEquals("submitted", Api.json(submitted).get("state").asText());
    assertProblem(
        Api.put(path, researcher, body("Changed", "lu-ibd-clinical")),
        409,
        "application-not-editable");

    // Who sees it: reviewers of LU and CH and compliance; not another researcher nor FR.
    assertProblem(Api.get(path, Tokens.user("researcher2")), 404, "not-found");
    assertProblem(Api.get(path, Tokens.user("dac-fr")), 404, "not-found");
    assertTrue(Api.json(Api.get(path, Tokens.user("dac-lu"))).has("votes"));
    assertFalse(Api.json(Api.get(path, researcher)).has("votes"), "votes are the committee's");
    assertEquals(200, Api.get(path, Tokens.user("compliance")).statusCode());
    assertTrue(listed(Tokens.user("steward-ch"), "/api/v1/applications", id));
    assertFalse(listed(Tokens.user("researcher2"), "/api/v1/applications", id));
    assertPagesAreTheListing(Tokens.user("compliance"), "/api/v1/applications");
    assertFalse(taskOf(Tokens.user("steward-fr"), id, "completenessCheck").isPresent());
    assertTrue(
        Api.json(Api.get("/api/v1/me/notifications", Tokens.user("steward-ch")))
            .toString()
            .contains(id),
        "the stewards of CH are told");

    // The steward returns it; a reason is required.
    String check = taskOf(Tokens.user("steward-lu"), id, "completenessCheck").orElseThrow();
    assertProblem(
        Api.post(
            "/api/v1/tasks/" + check + "/complete",
            Tokens.user("steward-lu"),
            "{\"outcome\":\"return\"}"),
        400,
        "invalid-request");
    complete(
        "steward-lu",
        check,
        "{\"outcome\":\"return\",\"comment\":\"Please explain the summary.\"}");
    JsonNode returned = Api.json(Api.get(path, researcher));
    assertEquals("returned", returned.get("state").asText());
    assertTrue(returned.get("events").toString().contains("Please explain the summary."));
    assertEquals(
        200,
        Api.put(
                path,
                researcher,
                body("Crohn progression", "lu-ibd-clinical", "ch-ibd-general")
                    .replace("We study how", "In plain words, we study how"))
            .statusCode());
    assertEquals(
        "submitted", Api.json(Api.post(path + "/submit", researcher, "")).get("state").asText());
    assertEquals(
        List.of("laySummary"),
        strings(
            Api.json(Api.get(path, Tokens.user("steward-ch"))).get("changedSinceLastRevision")));
    assertEquals(
        "We study how Crohn disease progresses.",
        Api.json(Api.get(path, Tokens.user("steward-ch")))
            .at("/previousRevision/laySummary")
            .asText(),
        "reviewers see the text before the change");

    complete(
        "steward-ch",
        taskOf(Tokens.user("steward-ch"), id, "completenessCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    assertEquals("under-review", Api.json(Api.get(path, researcher)).get("state").asText());
    complete(
        "steward-lu",
        taskOf(Tokens.user("steward-lu"), id, "ethicsCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    complete(
        "steward-ch",
        taskOf(Tokens.user("steward-ch"), id, "ethicsCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");

    // LU: two votes reach the quorum; a second vote of the same member is refused.
    String luVote = taskOf(Tokens.user("dac-lu"), id, "dacVote").orElseThrow();
    assertProblem(
        Api.post(
            "/api/v1/tasks/" + luVote + "/complete",
            Tokens.user("dac-lu"),
            "{\"outcome\":\"approve\"}"),
        400,
        "invalid-request");
    JsonNode first =
        complete("dac-lu", luVote, "{\"outcome\":\"approve\",\"comment\":\"Sound design.\"}");
    assertFalse(first.get("taskClosed").asBoolean(), "one vote of two");
    assertFalse(
        taskOf(Tokens.user("dac-lu"), id, "dacVote").isPresent(), "voted: gone from the inbox");
    assertProblem(
        Api.post(
            "/api/v1/tasks/" + luVote + "/complete",
            Tokens.user("dac-lu"),
            "{\"outcome\":\"reject\",\"comment\":\"x\"}"),
        409,
        "already-voted");
    assertTrue(
        complete("chair-lu", luVote, "{\"outcome\":\"approve\",\"comment\":\"Agreed.\"}")
            .get("taskClosed")
            .asBoolean());
    String luDecision = taskOf(Tokens.user("chair-lu"), id, "chairDecision").orElseThrow();
    assertProblem(
        Api.post(
            "/api/v1/tasks/" + luDecision + "/complete",
            Tokens.user("chair-lu"),
            "{\"outcome\":\"approve-with-conditions\"}"),
        400,
        "invalid-request");
    complete(
        "chair-lu",
        luDecision,
        "{\"outcome\":\"approve-with-conditions\",\"conditions\":\"Publish the code.\"}");
    assertEquals(
        "under-review",
        Api.json(Api.get(path, researcher)).get("state").asText(),
        "CH has not decided");

    String chVote = taskOf(Tokens.user("dac-ch"), id, "dacVote").orElseThrow();
    complete("dac-ch", chVote, "{\"outcome\":\"approve\",\"comment\":\"Fine.\"}");
    complete("chair-ch", chVote, "{\"outcome\":\"approve\",\"comment\":\"Fine too.\"}");
    complete(
        "chair-ch",
        taskOf(Tokens.user("chair-ch"), id, "chairDecision").orElseThrow(),
        "{\"outcome\":\"approve\"}");

    JsonNode approved = Api.json(Api.get(path, researcher));
    assertEquals("approved", approved.get("state").asText(), approved.toString());
    assertEquals("approve-with-conditions", approved.at("/jurisdictions/0/decision").asText());
    assertEquals("Publish the code.", approved.at("/jurisdictions/0/conditions").asText());
    int version = approved.at("/agreement/version").asInt();
    assertEquals(64, approved.at("/agreement/sha256").asText().length());
    assertEquals(0, approved.get("entitlements").size(), "nothing before the agreement");

    assertProblem(
        Api.post(
            path + "/agreement",
            researcher,
            "{\"accepted\":true,\"agreementVersion\":" + (version + 1) + "}"),
        409,
        "agreement-version-outdated");
    assertProblem(
        Api.post(
            path + "/agreement",
            researcher,
            "{\"accepted\":false,\"agreementVersion\":" + version + "}"),
        400,
        "invalid-request");
    assertProblem(
        Api.post(
            path + "/agreement",
            Tokens.user("researcher2"),
            "{\"accepted\":true,\"agreementVersion\":" + version + "}"),
        404,
        "not-found");
    HttpResponse<String> accepted =
        Api.post(
            path + "/agreement",
            researcher,
            "{\"accepted\":true,\"agreementVersion\":" + version + "}");
    assertEquals(201, accepted.statusCode(), accepted.body());
    JsonNode entitled = Api.json(accepted);
    assertEquals(2, entitled.get("entitlements").size());
    for (JsonNode entitlement : entitled.get("entitlements")) {
      assertEquals("active", entitlement.get("status").asText());
      assertTrue(
          entitlement.get("validUntil").asText().compareTo(LocalDate.now().plusYears(1).toString())
              < 0,
          "capped by the ethics approval's end: " + entitlement);
    }
    assertProblem(
        Api.post(
            path + "/agreement",
            researcher,
            "{\"accepted\":true,\"agreementVersion\":" + version + "}"),
        409,
        "agreement-not-expected");

    // Entitlements: the researcher's, the LU node's; revocation by LU's committee only.
    String luEntitlement = entitlementOf(researcher, id, "lu-ibd-clinical").orElseThrow();
    assertTrue(entitlementOf(Tokens.node("node-lu"), id, "lu-ibd-clinical").isPresent());
    assertFalse(entitlementOf(Tokens.node("node-lu"), id, "ch-ibd-general").isPresent());
    assertFalse(entitlementOf(Tokens.user("researcher2"), id, "lu-ibd-clinical").isPresent());
    assertEquals(
        "suspended",
        statusAsOf(researcher, luEntitlement, LocalDate.now().plusYears(1) + "T00:00:00Z"),
        "after the ethics approval's end");
    assertPagesAreTheListing(Tokens.user("compliance"), "/api/v1/entitlements");
    String revoke = "/api/v1/entitlements/" + luEntitlement + "/revoke";
    assertProblem(Api.post(revoke, researcher, "{\"reason\":\"x\"}"), 403, "forbidden");
    assertProblem(Api.post(revoke, Tokens.user("dac-fr"), "{\"reason\":\"x\"}"), 404, "not-found");
    assertProblem(Api.post(revoke, Tokens.user("dac-lu"), "{}"), 400, "invalid-request");
    HttpResponse<String> revoked =
        Api.post(revoke, Tokens.user("dac-lu"), "{\"reason\":\"Breach reported.\"}");
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertEquals("revoked", Api.json(revoked).get("status").asText());
    assertProblem(
        Api.post(revoke, Tokens.user("dac-lu"), "{\"reason\":\"again\"}"),
        409,
        "entitlement-revoked");

    // Every step is in the audit log, about the application (or the entitlement).
    java.util.Set<String> actions = new java.util.TreeSet<>(auditActions("application/" + id));
    assertTrue(
        actions.containsAll(
            List.of(
                "application.created",
                "application.edited",
                "application.attachment-added",
                "application.ethics-approval-added",
                "application.submitted",
                "application.completeness-checked",
                "application.returned",
                "application.resubmitted",
                "application.under-review",
                "application.ethics-checked",
                "application.vote-cast",
                "application.committee-decided",
                "application.jurisdiction-approved",
                "application.approved",
                "application.agreement-accepted")),
        actions.toString());
    assertEquals(
        List.of("entitlement.revoked", "entitlement.granted"),
        auditActions("entitlement/" + luEntitlement));
    assertProblem(
        Api.get("/api/v1/fhir/r4/AuditEvent?entity=application/" + id, researcher),
        403,
        "forbidden");

    JsonNode notifications = Api.json(Api.get("/api/v1/me/notifications", researcher));
    assertTrue(notifications.toString().contains("entitlements-granted"), notifications.toString());

    // Each step's e-mail reached its reader (GreenMail), naming the application.
    Mailboxes.awaitAbout("steward-ch@demo.clinnova.eu", id, "Ethics evidence to check: “");
    Mailboxes.awaitAbout("chair-ch@demo.clinnova.eu", id, "Your decision is due: “");
    Mailboxes.awaitAbout(
        "researcher@demo.clinnova.eu", id, "Your application “Crohn progression” is approved");
    Mailboxes.awaitAbout(
        "researcher@demo.clinnova.eu", id, "Your access for “Crohn progression” is granted");
    Mailboxes.awaitAbout(
        "researcher@demo.clinnova.eu", id, "Your access for “Crohn progression” was revoked");
  }

  @Test
  void aConflictedMemberCannotVoteARejectionEndsItAndTheApplicantMayWithdraw() {
    String researcher = Tokens.user("researcher2");
    String chApp = submittedApplication(researcher, "ch-ibd-general", "CH", "2024-00042");
    complete(
        "steward-ch",
        taskOf(Tokens.user("steward-ch"), chApp, "completenessCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    complete(
        "steward-ch",
        taskOf(Tokens.user("steward-ch"), chApp, "ethicsCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    String vote = taskOf(Tokens.user("dac-ch"), chApp, "dacVote").orElseThrow();
    JsonNode conflict = complete("dac-ch", vote, "{\"conflictOfInterest\":true}");
    assertFalse(conflict.get("taskClosed").asBoolean());
    assertProblem(
        Api.post(
            "/api/v1/tasks/" + vote + "/complete",
            Tokens.user("dac-ch"),
            "{\"outcome\":\"approve\",\"comment\":\"ok\"}"),
        403,
        "conflict-of-interest");
    complete("chair-ch", vote, "{\"outcome\":\"reject\",\"comment\":\"Out of scope.\"}");
    assertTrue(taskOf(Tokens.user("chair-ch"), chApp, "dacVote").isEmpty());
    JsonNode seen = Api.json(Api.get("/api/v1/applications/" + chApp, Tokens.user("chair-ch")));
    assertEquals(2, seen.get("votes").size(), seen.toString());
    // The quorum (2) cannot be reached without the conflicted member: the applicant withdraws.
    JsonNode withdrawn =
        Api.json(Api.post("/api/v1/applications/" + chApp + "/withdraw", researcher, ""));
    assertEquals("withdrawn", withdrawn.get("state").asText());
    assertTrue(taskOf(Tokens.user("chair-ch"), chApp, "dacVote").isEmpty());
    assertProblem(
        Api.post("/api/v1/applications/" + chApp + "/withdraw", researcher, ""),
        409,
        "application-ended");

    String deApp = submittedApplication(researcher, "de-ms-cohort", "DE", "BW-2023/117");
    complete(
        "steward-de",
        taskOf(Tokens.user("steward-de"), deApp, "completenessCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    complete(
        "steward-de",
        taskOf(Tokens.user("steward-de"), deApp, "ethicsCheck").orElseThrow(),
        "{\"outcome\":\"reject\",\"comment\":\"The approval does not cover data reuse.\"}");
    JsonNode rejected = Api.json(Api.get("/api/v1/applications/" + deApp, researcher));
    assertEquals("rejected", rejected.get("state").asText());
    Mailboxes.awaitAbout(
        "researcher2@demo.clinnova.eu", deApp, "Your application “Study DE” was rejected");
    assertTrue(rejected.get("events").toString().contains("does not cover data reuse"));
    assertEquals("rejected", rejected.at("/jurisdictions/0/state").asText());
  }

  @Test
  void anAmendmentIsReviewedForWhatItAddsAndItsEntitlementsJoinTheProject() {
    String researcher = Tokens.user("researcher2");
    String id = approvedNotAccepted(researcher, "ch-ibd-general", "CH", "2024-00777");
    String path = "/api/v1/applications/" + id;
    assertProblem(Api.post(path + "/amendments", researcher, ""), 409, "agreement-first");
    assertEquals(
        201, Api.post(path + "/agreement", researcher, ApplicationApiIT.acceptance()).statusCode());
    HttpResponse<String> started = Api.post(path + "/amendments", researcher, "");
    assertEquals(201, started.statusCode(), started.body());
    JsonNode amendment = Api.json(started);
    assertEquals(id, amendment.get("amends").asText());
    assertEquals("draft", amendment.get("state").asText());
    assertProblem(Api.post(path + "/amendments", researcher, ""), 409, "amendment-open");
    assertProblem(Api.post(path + "/amendments", Tokens.user("researcher"), ""), 404, "not-found");
    String amendmentPath = "/api/v1/applications/" + amendment.get("id").asText();

    String added = body("Study CH", "ch-ibd-general", "fr-ra-registry");
    assertEquals(
        200,
        Api.put(amendmentPath, researcher, added.replace("Study CH", "Another title"))
            .statusCode());
    HttpResponse<String> retitled = Api.post(amendmentPath + "/submit", researcher, "");
    assertProblem(retitled, 409, "application-incomplete");
    assertEquals(List.of("title", "ethicsApprovals.FR"), fields(Api.json(retitled).get("errors")));
    assertEquals(200, Api.put(amendmentPath, researcher, added).statusCode());
    String attachment =
        Api.json(Api.upload(amendmentPath + "/attachments", researcher, "application/pdf", PDF))
            .get("attachmentId")
            .asText();
    assertEquals(
        201,
        Api.post(
                amendmentPath + "/ethics-approvals",
                researcher,
                ethics("FR", "CNIL", "DR-2024-123", attachment))
            .statusCode());
    JsonNode submitted = Api.json(Api.post(amendmentPath + "/submit", researcher, ""));
    assertEquals("submitted", submitted.get("state").asText(), submitted.toString());
    assertEquals(
        List.of("FR"), codes(submitted.get("jurisdictions")), "only what it adds is reviewed");
    assertEquals(List.of("fr-ra-registry"), strings(submitted.at("/adds/datasets")));
    String amendmentId = submitted.get("id").asText();
    assertFalse(taskOf(Tokens.user("steward-ch"), amendmentId, "completenessCheck").isPresent());

    approveIn(amendmentId, "fr");
    JsonNode accepted =
        Api.json(Api.post(amendmentPath + "/agreement", researcher, ApplicationApiIT.acceptance()));
    assertEquals("approved", accepted.get("state").asText());
    assertTrue(
        entitlementOf(researcher, id, "fr-ra-registry").isPresent(), "granted under the project");
    assertTrue(entitlementOf(researcher, id, "ch-ibd-general").isPresent());
    JsonNode project = Api.json(Api.get(path, researcher));
    assertEquals(List.of("ch-ibd-general", "fr-ra-registry"), strings(project.get("datasets")));
    assertEquals("approved", project.at("/amendments/0/state").asText());

    // A second amendment in progress ends with the project when the researcher withdraws it.
    String second = Api.json(Api.post(path + "/amendments", researcher, "")).get("id").asText();
    assertEquals(
        "withdrawn", Api.json(Api.post(path + "/withdraw", researcher, "")).get("state").asText());
    assertEquals(
        "withdrawn",
        Api.json(Api.get("/api/v1/applications/" + second, researcher)).get("state").asText());
    assertEquals(
        "revoked",
        statusAsOf(
            researcher,
            entitlementOf(researcher, id, "fr-ra-registry").orElseThrow(),
            java.time.Instant.now().toString()),
        "the project's entitlements are revoked");
  }

  @Test
  void aRenewalIsReviewedForWhatChangesAndAccessContinuesWithoutAGap() {
    String researcher = Tokens.user("researcher");
    String id = approvedNotAccepted(researcher, "lu-ibd-clinical", "LU", "CNER 202491");
    String path = "/api/v1/applications/" + id;
    assertProblem(Api.post(path + "/renewal", researcher, ""), 409, "agreement-first");
    assertEquals(201, Api.post(path + "/agreement", researcher, acceptance()).statusCode());
    JsonNode current = entitlements(researcher, id, "lu-ibd-clinical").get(0);

    HttpResponse<String> started = Api.post(path + "/renewal", researcher, "");
    assertEquals(201, started.statusCode(), started.body());
    JsonNode renewal = Api.json(started);
    assertEquals(id, renewal.get("renews").asText());
    assertFalse(renewal.has("amends"));
    assertEquals("draft", renewal.get("state").asText());
    assertProblem(Api.post(path + "/renewal", researcher, ""), 409, "amendment-open");
    assertProblem(Api.post(path + "/renewal", Tokens.user("researcher2"), ""), 404, "not-found");
    String renewalPath = "/api/v1/applications/" + renewal.get("id").asText();
    assertProblem(Api.post(renewalPath + "/renewal", researcher, ""), 409, "not-renewable");

    // Another period of 36 months, under a renewed ethics approval.
    String longer =
        body("Study LU", "lu-ibd-clinical")
            .replace("\"durationMonths\":24", "\"durationMonths\":36");
    assertEquals(200, Api.put(renewalPath, researcher, longer).statusCode());
    declareRenewedEthics(renewalPath, researcher, "LU", "CNER", "CNER 202692", 40);
    JsonNode submitted = Api.json(Api.post(renewalPath + "/submit", researcher, ""));
    assertEquals("submitted", submitted.get("state").asText(), submitted.toString());
    assertEquals(List.of("LU"), codes(submitted.get("jurisdictions")));
    String renewalId = submitted.get("id").asText();
    JsonNode seenByReviewer = Api.json(Api.get(renewalPath, Tokens.user("steward-lu")));
    assertEquals(id, seenByReviewer.get("renews").asText());

    approveIn(renewalId, "lu");
    JsonNode accepted = Api.json(Api.post(renewalPath + "/agreement", researcher, acceptance()));
    assertEquals("approved", accepted.get("state").asText(), accepted.toString());

    List<JsonNode> periods = entitlements(researcher, id, "lu-ibd-clinical");
    assertEquals(2, periods.size(), periods.toString());
    assertEquals(current.get("id").asText(), periods.get(0).get("id").asText());
    assertEquals("active", periods.get(0).get("status").asText());
    assertEquals(
        periods.get(0).get("validUntil").asText(),
        periods.get(1).get("validFrom").asText(),
        "the renewed access starts when the current one ends");
    assertEquals("pending", periods.get(1).get("status").asText());
    assertTrue(
        java.time.Instant.parse(periods.get(1).get("validUntil").asText())
            .isAfter(java.time.Instant.parse(periods.get(1).get("validFrom").asText())));
    JsonNode project = Api.json(Api.get(path, researcher));
    assertEquals(36, project.get("durationMonths").asInt(), "the project is now as renewed");
    assertTrue(
        auditActions("application/" + id).contains("application.renewed"),
        auditActions("application/" + id).toString());
    assertEquals(
        "withdrawn", Api.json(Api.post(path + "/withdraw", researcher, "")).get("state").asText());
  }

  @Test
  void aClosedProjectsResultsReachThePublicRegisterAndItsAccessEnds() {
    String researcher = Tokens.user("researcher");
    String title = "Closing study " + java.util.UUID.randomUUID().toString().substring(0, 8);
    String id = submitted(researcher, body(title, "lu-crohn-biobank"), "LU", "CNER 202493");
    approveIn(id, "lu");
    String path = "/api/v1/applications/" + id;
    assertEquals(201, Api.post(path + "/agreement", researcher, acceptance()).statusCode());
    String entitlement = entitlementOf(researcher, id, "lu-crohn-biobank").orElseThrow();

    assertProblem(Api.post(path + "/close-out", researcher, "{}"), 400, "invalid-request");
    assertProblem(
        Api.post(path + "/close-out", researcher, "{\"results\":\"x\",\"publications\":[1]}"),
        400,
        "invalid-request");
    assertProblem(
        Api.post(path + "/close-out", Tokens.user("researcher2"), "{\"results\":\"x\"}"),
        404,
        "not-found");
    HttpResponse<String> closed =
        Api.post(
            path + "/close-out",
            researcher,
            "{\"results\":\"Flares are predicted a month ahead.\","
                + "\"publications\":[\"10.1000/clinnova.1\"]}");
    assertEquals(200, closed.statusCode(), closed.body());
    JsonNode project = Api.json(closed);
    assertEquals("closed", project.get("state").asText());
    assertEquals("Flares are predicted a month ahead.", project.at("/closeOut/results").asText());
    assertEquals(
        "revoked",
        statusAsOf(researcher, entitlement, java.time.Instant.now().plusSeconds(1).toString()),
        "access ends with the project");
    assertProblem(
        Api.post(path + "/close-out", researcher, "{\"results\":\"Again\"}"), 409, "not-closable");

    JsonNode register =
        Api.json(
            Api.get(
                "/api/v1/public/projects?q="
                    + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8),
                null));
    assertEquals(1, register.size(), register.toString());
    assertEquals("Flares are predicted a month ahead.", register.at("/0/results").asText());
    assertEquals("10.1000/clinnova.1", register.at("/0/publications/0").asText());
    assertTrue(
        auditActions("application/" + id).contains("application.closed"),
        auditActions("application/" + id).toString());
  }

  @Test
  void aRenewedEthicsApprovalCheckedByTheStewardKeepsAccessPastTheFirstOnesEnd() {
    String researcher = Tokens.user("researcher2");
    String id = approvedNotAccepted(researcher, "fr-ra-registry", "FR", "DR-2024-321");
    String path = "/api/v1/applications/" + id;
    assertEquals(201, Api.post(path + "/agreement", researcher, acceptance()).statusCode());
    String entitlement = entitlementOf(researcher, id, "fr-ra-registry").orElseThrow();
    // The first approval ends in six months; a day later the access would be suspended.
    String afterFirst = LocalDate.now().plusMonths(6).plusDays(2) + "T12:00:00Z";
    assertEquals("suspended", statusAsOf(researcher, entitlement, afterFirst));

    // A first renewal the steward refuses (it names the wrong study): the access stays as it was.
    declareRenewedEthics(path, researcher, "FR", "CNIL", "DR-2026-653", 30);
    complete(
        "steward-fr",
        taskOf(Tokens.user("steward-fr"), id, "ethicsRenewalCheck").orElseThrow(),
        "{\"outcome\":\"reject\",\"comment\":\"The letter names another study.\"}");
    Mailboxes.awaitAbout(
        "researcher2@demo.clinnova.eu",
        id,
        "Your renewed ethics approval for “Study FR” was refused");
    assertEquals("suspended", statusAsOf(researcher, entitlement, afterFirst));

    declareRenewedEthics(path, researcher, "FR", "CNIL", "DR-2026-654", 30);
    assertEquals(
        "suspended",
        statusAsOf(researcher, entitlement, afterFirst),
        "not before the steward has checked it");
    String check =
        taskOf(Tokens.user("steward-fr"), id, "ethicsRenewalCheck")
            .orElseThrow(() -> new AssertionError("the steward of FR checks the renewal"));
    assertFalse(taskOf(Tokens.user("steward-lu"), id, "ethicsRenewalCheck").isPresent());
    complete("steward-fr", check, "{\"outcome\":\"approve\"}");

    assertEquals("active", statusAsOf(researcher, entitlement, afterFirst));
    // Each is told by e-mail: the steward of the check, the researcher of its outcome.
    Mailboxes.await(
        "steward-fr@demo.clinnova.eu",
        mail -> mail.subject() != null && mail.subject().startsWith("A renewed ethics approval"),
        1);
    Mailboxes.await(
        "researcher2@demo.clinnova.eu",
        mail ->
            mail.subject() != null
                && mail.subject().startsWith("Your renewed ethics approval for")
                && mail.subject().endsWith("is accepted"),
        1);
    assertTrue(
        auditActions("entitlement/" + entitlement).contains("entitlement.ethics-renewed"),
        auditActions("entitlement/" + entitlement).toString());
    assertEquals(
        "withdrawn", Api.json(Api.post(path + "/withdraw", researcher, "")).get("state").asText());
  }

  /** Attaches a letter and declares an ethics approval valid for {@code months} from today. */
  static void declareRenewedEthics(
      String path,
      String token,
      String jurisdiction,
      String committee,
      String reference,
      int months) {
    String attachment =
        Api.json(Api.upload(path + "/attachments", token, "application/pdf", PDF))
            .get("attachmentId")
            .asText();
    String renewed =
        ethics(jurisdiction, committee, reference, attachment)
            .replace(
                LocalDate.now().plusMonths(6).toString(),
                LocalDate.now().plusMonths(months).toString());
    HttpResponse<String> declared = Api.post(path + "/ethics-approvals", token, renewed);
    assertEquals(201, declared.statusCode(), declared.body());
  }

  /** The researcher's entitlements to the dataset through the application, earliest first. */
  static List<JsonNode> entitlements(String token, String applicationId, String dataset) {
    List<JsonNode> found = new java.util.ArrayList<>();
    for (JsonNode entitlement : Api.json(Api.get("/api/v1/entitlements", token))) {
      if (entitlement.get("applicationId").asText().equals(applicationId)
          && entitlement.get("datasetId").asText().equals(dataset)) {
        found.add(entitlement);
      }
    }
    found.sort(java.util.Comparator.comparing(e -> e.get("validFrom").asText()));
    return found;
  }

  @Test
  void nobodyReviewsTheirOwnApplication() {
    String applicant = Tokens.user("researcher-dac-de");
    String id = submittedApplication(applicant, "de-ms-cohort", "DE", "F-2024-0815");
    complete(
        "steward-de",
        taskOf(Tokens.user("steward-de"), id, "completenessCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    complete(
        "steward-de",
        taskOf(Tokens.user("steward-de"), id, "ethicsCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    String vote = taskOf(Tokens.user("dac-de"), id, "dacVote").orElseThrow();
    assertFalse(taskOf(applicant, id, "dacVote").isPresent(), "not in the applicant's inbox");
    complete("dac-de", vote, "{\"outcome\":\"approve\",\"comment\":\"Sound design.\"}");
    HttpResponse<String> own =
        Api.post(
            "/api/v1/tasks/" + vote + "/complete",
            applicant,
            "{\"outcome\":\"approve\",\"comment\":\"Mine is great.\"}");
    assertProblem(own, 403, "self-review");
    JsonNode application = Api.json(Api.get("/api/v1/applications/" + id, Tokens.user("dac-de")));
    assertEquals(1, application.get("votes").size(), "the member's vote, not the applicant's");
    // The applicant sits on the committee, yet sees their application as an applicant does.
    JsonNode applicantsView = Api.json(Api.get("/api/v1/applications/" + id, applicant));
    assertFalse(applicantsView.has("votes"), applicantsView.toString());
    assertFalse(applicantsView.toString().contains("Sound design."), applicantsView.toString());
    assertEquals(
        "withdrawn",
        Api.json(Api.post("/api/v1/applications/" + id + "/withdraw", applicant, ""))
            .get("state")
            .asText());
  }

  @Test
  void badInputIsRefusedClearlyAndWritesNothing() {
    String researcher = Tokens.user("researcher");
    assertProblem(
        Api.post("/api/v1/applications", researcher, "{\"title\":"), 400, "malformed-json");
    HttpResponse<String> unknown =
        Api.post(
            "/api/v1/applications",
            researcher,
            "{\"datasets\":[\"no-such-dataset\"],\"durationMonths\":0}");
    assertProblem(unknown, 400, "invalid-request");
    assertTrue(unknown.body().contains("durationMonths"), unknown.body());
    HttpResponse<String> badTypes =
        Api.post(
            "/api/v1/applications",
            researcher,
            "{\"title\":5,\"purpose\":{\"duo\":[\"XYZ\"]},\"team\":[{\"email\":\"not-an-address\"}]}");
    assertProblem(badTypes, 400, "invalid-request");
    assertTrue(
        badTypes.body().contains("purpose.duo[0]") && badTypes.body().contains("team[0].email"),
        badTypes.body());
    assertProblem(Api.post("/api/v1/applications", Tokens.user("dac-lu"), "{}"), 403, "forbidden");
    assertProblem(Api.get("/api/v1/applications/not-a-uuid", researcher), 404, "not-found");
    assertProblem(
        Api.get("/api/v1/applications/00000000-0000-0000-0000-000000000000", researcher),
        404,
        "not-found");
    assertProblem(Api.get("/api/v1/tasks", researcher), 403, "forbidden");
    assertProblem(
        Api.post(
            "/api/v1/tasks/nope/complete", Tokens.user("steward-lu"), "{\"outcome\":\"approve\"}"),
        404,
        "not-found");
    assertProblem(
        Api.get("/api/v1/entitlements?asOf=yesterday", researcher), 400, "invalid-request");
    String id = Api.json(Api.post("/api/v1/applications", researcher, "{}")).get("id").asText();
    assertProblem(
        Api.put("/api/v1/applications/" + id, Tokens.user("researcher2"), "{}"), 404, "not-found");
  }

  // --- helpers ---------------------------------------------------------------------------

  static String submittedApplication(
      String token, String dataset, String jurisdiction, String reference) {
    return submitted(token, body("Study " + jurisdiction, dataset), jurisdiction, reference);
  }

  /** An application of {@code body}, with an ethics approval of {@code jurisdiction}, submitted. */
  static String submitted(String token, String body, String jurisdiction, String reference) {
    HttpResponse<String> created = Api.post("/api/v1/applications", token, body);
    assertEquals(201, created.statusCode(), created.body());
    String id = Api.json(created).get("id").asText();
    String path = "/api/v1/applications/" + id;
    String attachment =
        Api.json(Api.upload(path + "/attachments", token, "application/pdf", PDF))
            .get("attachmentId")
            .asText();
    HttpResponse<String> ethics =
        Api.post(
            path + "/ethics-approvals",
            token,
            ethics(jurisdiction, "Committee", reference, attachment));
    assertEquals(201, ethics.statusCode(), ethics.body());
    HttpResponse<String> submitted = Api.post(path + "/submit", token, "");
    assertEquals(200, submitted.statusCode(), submitted.body());
    return id;
  }

  /** An applicant's acceptance of the agreement in force (administrators may publish new ones). */
  static String acceptance() {
    int version =
        Api.json(Api.get("/api/v1/agreements", Tokens.user("researcher")))
            .get(0)
            .get("version")
            .asInt();
    return "{\"accepted\":true,\"agreementVersion\":" + version + "}";
  }

  /** An application of one jurisdiction driven through its review, its agreement not accepted. */
  static String approvedNotAccepted(
      String token, String dataset, String jurisdiction, String reference) {
    String id = submittedApplication(token, dataset, jurisdiction, reference);
    approveIn(id, jurisdiction.toLowerCase(java.util.Locale.ROOT));
    return id;
  }

  /** A jurisdiction's steward, member and chair approve (after the completeness check). */
  static void approveIn(String id, String code) {
    Optional<String> completeness = taskOf(Tokens.user("steward-" + code), id, "completenessCheck");
    completeness.ifPresent(task -> complete("steward-" + code, task, "{\"outcome\":\"approve\"}"));
    complete(
        "steward-" + code,
        taskOf(Tokens.user("steward-" + code), id, "ethicsCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    String vote = taskOf(Tokens.user("dac-" + code), id, "dacVote").orElseThrow();
    complete("dac-" + code, vote, "{\"outcome\":\"approve\",\"comment\":\"Yes.\"}");
    complete("chair-" + code, vote, "{\"outcome\":\"approve\",\"comment\":\"Yes.\"}");
    complete(
        "chair-" + code,
        taskOf(Tokens.user("chair-" + code), id, "chairDecision").orElseThrow(),
        "{\"outcome\":\"approve\"}");
  }

  static String ethics(String jurisdiction, String committee, String reference, String attachment) {
    return "{\"jurisdiction\":\""
        + jurisdiction
        + "\",\"committee\":\""
        + committee
        + "\",\"reference\":\""
        + reference
        + "\",\"validFrom\":\""
        + LocalDate.now().minusMonths(1)
        + "\",\"validUntil\":\""
        + LocalDate.now().plusMonths(6)
        + "\",\"attachmentId\":\""
        + attachment
        + "\"}";
  }

  static JsonNode complete(String user, String task, String body) {
    HttpResponse<String> completed =
        Api.post("/api/v1/tasks/" + task + "/complete", Tokens.user(user), body);
    assertEquals(200, completed.statusCode(), user + ": " + completed.body());
    return Api.json(completed);
  }

  static java.util.Optional<String> taskOf(String token, String applicationId, String key) {
    HttpResponse<String> tasks = Api.get("/api/v1/tasks", token);
    assertEquals(200, tasks.statusCode(), tasks.body());
    for (JsonNode task : Api.json(tasks)) {
      if (task.get("applicationId").asText().equals(applicationId)
          && task.get("taskKey").asText().equals(key)) {
        return java.util.Optional.of(task.get("id").asText());
      }
    }
    return java.util.Optional.empty();
  }

  static java.util.Optional<String> entitlementOf(
      String token, String applicationId, String dataset) {
    for (JsonNode entitlement : Api.json(Api.get("/api/v1/entitlements", token))) {
      if (entitlement.get("applicationId").asText().equals(applicationId)
          && entitlement.get("datasetId").asText().equals(dataset)) {
        return java.util.Optional.of(entitlement.get("id").asText());
      }
    }
    return java.util.Optional.empty();
  }

  static String statusAsOf(String token, String entitlementId, String instant) {
    for (JsonNode entitlement : Api.json(Api.get("/api/v1/entitlements?asOf=" + instant, token))) {
      if (entitlement.get("id").asText().equals(entitlementId)) {
        return entitlement.get("status").asText();
      }
    }
    throw new AssertionError("no entitlement " + entitlementId);
  }

  static List<String> auditActions(String entity) {
    JsonNode bundle =
        Api.json(
            Api.get(
                "/api/v1/fhir/r4/AuditEvent?_count=500&entity=" + entity,
                Tokens.user("compliance")));
    List<String> actions = new ArrayList<>();
    if (bundle.has("entry")) {
      bundle
          .get("entry")
          .forEach(entry -> actions.add(entry.at("/resource/subtype/0/code").asText()));
    }
    return actions;
  }

  /**
   * Read one at a time by following the Link header, {@code listing} (its path) is the whole
   * listing read at once; a page parameter out of shape is a 400 at its field.
   */
  static void assertPagesAreTheListing(String token, String listing) {
    List<String> whole = new ArrayList<>();
    HttpResponse<String> all = Api.get(listing, token);
    assertEquals(200, all.statusCode(), all.body());
    assertTrue(all.headers().firstValue("Link").isEmpty(), "everything on one page");
    Api.json(all).forEach(item -> whole.add(item.get("id").asText()));
    assertTrue(whole.size() >= 1, "something to page through");
    List<String> paged = new ArrayList<>();
    String next = listing + "?limit=1";
    while (next != null && paged.size() <= whole.size()) {
      HttpResponse<String> page = Api.get(next, token);
      assertEquals(200, page.statusCode(), page.body());
      JsonNode items = Api.json(page);
      assertTrue(items.size() <= 1);
      items.forEach(item -> paged.add(item.get("id").asText()));
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile("<[^>]*(" + listing + "[^>]*)>;\\s*rel=\"next\"")
              .matcher(page.headers().firstValue("Link").orElse(""));
      next = link.find() ? link.group(1) : null;
    }
    assertEquals(whole, paged);
    assertProblem(Api.get(listing + "?limit=0", token), 400, "invalid-request");
    assertProblem(Api.get(listing + "?before=2026-12-01T00:00:00Z", token), 400, "invalid-request");
    assertProblem(Api.get(listing + "?before=yesterday&beforeId=x", token), 400, "invalid-request");
  }

  static boolean listed(String token, String path, String id) {
    return Api.json(Api.get(path, token)).toString().contains(id);
  }

  static JsonNode match(JsonNode application, String dataset) {
    for (JsonNode match : application.get("duoMatches")) {
      if (match.get("datasetId").asText().equals(dataset)) {
        return match;
      }
    }
    throw new AssertionError("no DUO match for " + dataset + " in " + application);
  }

  static List<String> fields(JsonNode problems) {
    List<String> fields = new ArrayList<>();
    problems.forEach(problem -> fields.add(problem.get("field").asText()));
    return fields;
  }

  static List<String> codes(JsonNode jurisdictions) {
    List<String> codes = new ArrayList<>();
    jurisdictions.forEach(jurisdiction -> codes.add(jurisdiction.get("code").asText()));
    return codes;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
