package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApplicationApiIT.body;
import static eu.clinnova.deployment.system.ApplicationApiIT.complete;
import static eu.clinnova.deployment.system.ApplicationApiIT.fields;
import static eu.clinnova.deployment.system.ApplicationApiIT.submitted;
import static eu.clinnova.deployment.system.ApplicationApiIT.taskOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * E-mail through the outbox (issue 20), read from GreenMail as the people would read it: each in
 * their language, naming the application and linking to its page, marked automatic; nobody gets
 * what they turned off; while the mail server is away the messages wait, and when it is back each
 * arrives once. The administrator follows every attempt.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class MailIT {

  static final String DEVELOPMENT_DEFAULTS =
      "{\"language\":\"en\",\"email\":{\"tasks\":true,\"decisions\":true,"
          + "\"releasesOfMyData\":false}}";

  @Test
  void messagesReachEachPersonInTheirLanguageNamingTheApplicationAndLinkingToIt() {
    String french =
        "{\"language\":\"fr\",\"email\":{\"tasks\":true,\"decisions\":true,"
            + "\"releasesOfMyData\":false}}";
    HttpResponse<String> chosen =
        Api.put("/api/v1/me/preferences", Tokens.user("steward-lu"), french);
    assertEquals(200, chosen.statusCode(), chosen.body());
    try {
      assertEquals(
          "fr",
          Api.json(Api.get("/api/v1/me/preferences", Tokens.user("steward-lu")))
              .get("language")
              .asText());
      String title = "Mail study " + UUID.randomUUID().toString().substring(0, 8);
      String id =
          submitted(Tokens.user("researcher"), body(title, "lu-ibd-clinical"), "LU", "CNER 202431");

      Mailboxes.Mail toSteward =
          Mailboxes.await("steward-lu@demo.clinnova.eu", about(title), 1).get(0);
      assertEquals("Nouvelle demande à vérifier : « " + title + " »", toSteward.subject());
      assertTrue(
          toSteward
              .body()
              .contains(SystemTestEnvironment.portalUrl() + "/review/application/" + id),
          toSteward.body());
      assertTrue(toSteward.body().contains("Bonjour,"), toSteward.body());
      assertTrue(toSteward.body().contains(SystemTestEnvironment.portalUrl() + "/settings"));
      assertEquals("auto-generated", toSteward.header("Auto-Submitted"));
      assertEquals("fr", toSteward.header("Content-Language"));
      assertNotNull(toSteward.header("Message-ID"));

      String check = taskOf(Tokens.user("steward-lu"), id, "completenessCheck").orElseThrow();
      complete(
          "steward-lu", check, "{\"outcome\":\"return\",\"comment\":\"Please explain more.\"}");
      Mailboxes.Mail toResearcher =
          Mailboxes.await("researcher@demo.clinnova.eu", about(title), 1).get(0);
      assertEquals(
          "Your application “" + title + "” was returned for changes", toResearcher.subject());
      assertTrue(
          toResearcher.body().contains("returned to you with questions"), toResearcher.body());
      assertTrue(
          toResearcher
              .body()
              .contains(SystemTestEnvironment.portalUrl() + "/research/application/" + id),
          toResearcher.body());

      // In the portal: the notification names the application and is read by its reader only.
      JsonNode returned = notificationAbout("researcher", id, "returned");
      assertEquals(title, returned.get("title").asText());
      assertEquals(false, returned.get("read").asBoolean());
      long unread = unread("researcher");
      assertTrue(unread >= 1);
      String path = "/api/v1/me/notifications/" + returned.get("id").asText() + "/read";
      assertEquals(404, Api.post(path, Tokens.user("steward-lu"), "").statusCode());
      assertEquals(204, Api.post(path, Tokens.user("researcher"), "").statusCode());
      assertEquals(204, Api.post(path, Tokens.user("researcher"), "").statusCode());
      assertEquals(unread - 1, unread("researcher"));
      assertTrue(notificationAbout("researcher", id, "returned").get("read").asBoolean());

      // The administrator sees both e-mails as sent, each after one attempt.
      JsonNode delivery = deliveryTo("steward-lu@demo.clinnova.eu", title, d -> true);
      assertEquals("sent", delivery.get("state").asText());
      assertEquals("fr", delivery.get("language").asText());
      assertEquals("completeness-check-due", delivery.get("kind").asText());
      assertEquals(id, delivery.get("applicationId").asText());
      JsonNode detail =
          Api.json(
              Api.get(
                  "/api/v1/messages/deliveries/" + delivery.get("id").asText(),
                  Tokens.user("admin")));
      assertEquals(1, detail.get("attempts").size());
      assertEquals("sent", detail.get("attempts").get(0).get("outcome").asText());
    } finally {
      Api.delete("/api/v1/me/preferences", Tokens.user("steward-lu"));
    }
  }

  @Test
  void whoTurnedTaskMailsOffGetsNoneAndBadChoicesAreRefused() {
    HttpResponse<String> refused =
        Api.put(
            "/api/v1/me/preferences",
            Tokens.user("chair-lu"),
            "{\"language\":\"it\",\"email\":{\"tasks\":\"yes\",\"decisions\":true}}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals(
        List.of("language", "email.tasks", "email.releasesOfMyData"),
        fields(Api.json(refused).get("errors")));
    String quiet =
        "{\"language\":\"de\",\"email\":{\"tasks\":false,\"decisions\":true,"
            + "\"releasesOfMyData\":false}}";
    assertEquals(
        200, Api.put("/api/v1/me/preferences", Tokens.user("chair-lu"), quiet).statusCode());
    try {
      assertEquals(
          false,
          Api.json(Api.get("/api/v1/me/preferences", Tokens.user("chair-lu")))
              .get("email")
              .get("tasks")
              .asBoolean());
      assertEquals(
          true,
          Api.json(Api.get("/api/v1/me/preferences", Tokens.user("dac-lu")))
              .get("email")
              .get("tasks")
              .asBoolean(),
          "one person's choices are theirs alone");
      String title = "Quiet study " + UUID.randomUUID().toString().substring(0, 8);
      String id =
          submitted(Tokens.user("researcher"), body(title, "lu-ibd-clinical"), "LU", "CNER 202432");
      complete(
          "steward-lu",
          taskOf(Tokens.user("steward-lu"), id, "completenessCheck").orElseThrow(),
          "{\"outcome\":\"approve\"}");
      complete(
          "steward-lu",
          taskOf(Tokens.user("steward-lu"), id, "ethicsCheck").orElseThrow(),
          "{\"outcome\":\"approve\"}");
      // The vote is one letter to the committee of LU: member and chair are expanded together.
      Mailboxes.Mail vote = Mailboxes.await("dac-lu@demo.clinnova.eu", about(title), 1).get(0);
      assertEquals("Your committee’s vote is open: “" + title + "”", vote.subject());
      deliveryTo("dac-lu@demo.clinnova.eu", title, d -> true);
      assertEquals(
          List.of(),
          deliveries().stream()
              .filter(d -> d.get("address").asText().equals("chair-lu@demo.clinnova.eu"))
              .filter(d -> d.get("subject").asText().contains(title))
              .toList());
      assertEquals(
          List.of(),
          Mailboxes.inbox("chair-lu@demo.clinnova.eu").stream().filter(about(title)).toList());
    } finally {
      Api.delete("/api/v1/me/preferences", Tokens.user("chair-lu"));
    }
  }

  @Test
  void whileTheMailServerIsAwayMessagesWaitAndWhenItIsBackEachArrivesOnce() throws Exception {
    String title = "Patient study " + UUID.randomUUID().toString().substring(0, 8);
    SystemTestEnvironment.mail().close();
    try {
      submitted(Tokens.user("researcher"), body(title, "lu-ibd-clinical"), "LU", "CNER 202433");
      // The sender tries, fails, and tries again later: the administrator sees it waiting.
      JsonNode waiting =
          deliveryTo(
              "steward-lu@demo.clinnova.eu",
              title,
              d -> d.get("attempts").asInt() >= 2 && d.get("state").asText().equals("pending"));
      assertTrue(waiting.has("lastError"), waiting.toString());
      assertTrue(waiting.has("nextAttemptAt"), waiting.toString());
    } finally {
      SystemTestEnvironment.mail().startAgain();
    }
    Mailboxes.await("steward-lu@demo.clinnova.eu", about(title), 1);
    JsonNode sent =
        deliveryTo(
            "steward-lu@demo.clinnova.eu", title, d -> d.get("state").asText().equals("sent"));
    // Sent is final: nothing more can go out for it; exactly one e-mail arrived.
    assertEquals(
        1, Mailboxes.inbox("steward-lu@demo.clinnova.eu").stream().filter(about(title)).count());
    JsonNode attempts =
        Api.json(
                Api.get(
                    "/api/v1/messages/deliveries/" + sent.get("id").asText(), Tokens.user("admin")))
            .get("attempts");
    List<String> outcomes = new ArrayList<>();
    attempts.forEach(attempt -> outcomes.add(attempt.get("outcome").asText()));
    assertEquals("sent", outcomes.get(outcomes.size() - 1));
    assertTrue(
        outcomes.subList(0, outcomes.size() - 1).stream().allMatch("failed"::equals),
        outcomes.toString());
    assertTrue(outcomes.size() >= 3, outcomes.toString());
  }

  @Test
  void aWithdrawalReachesTheRecipientOfEachEarlierReleaseAndTheNodeOfItsJurisdiction()
      throws Exception {
    String before = Instant.now().minusSeconds(60).toString();
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher2");
    String withdrawing = ReleaseGateIT.patient("\"IBD\"", ReleaseGateIT.ALL_NEEDED);
    String staying = ReleaseGateIT.patient("\"IBD\"", ReleaseGateIT.ALL_NEEDED);
    String releaseId =
        ReleaseGateIT.ask(ReleaseGateIT.node("node-lu"), grant, List.of(withdrawing, staying))
            .answer()
            .releaseId();
    // The patient tells the steward by telephone; the steward records it.
    HttpResponse<String> withdrawn =
        Api.post(
            "/api/v1/patients/" + withdrawing + "/consents/withdrawal",
            Tokens.user("steward-lu"),
            "{\"reason\":\"By telephone.\"}");
    assertEquals(201, withdrawn.statusCode(), withdrawn.body());

    Mailboxes.Mail notice =
        Mailboxes.await(
                "researcher2@demo.clinnova.eu", mail -> mail.body().contains(withdrawing), 1)
            .get(0);
    assertTrue(notice.subject().startsWith("A participant withdrew: “"), notice.subject());
    assertTrue(notice.body().contains("all uses of their data"), notice.body());
    assertTrue(
        notice
            .body()
            .contains(
                SystemTestEnvironment.portalUrl()
                    + "/research/application/"
                    + grant.applicationId()),
        notice.body());
    assertTrue(!notice.body().contains(staying), "no other patient's data: " + notice.body());

    HttpResponse<String> read =
        Api.get("/api/v1/withdrawals?since=" + before, Tokens.node("node-lu"));
    assertEquals(200, read.statusCode(), read.body());
    JsonNode entry = null;
    for (JsonNode withdrawal : Api.json(read)) {
      if (withdrawal.get("psn").asText().equals(withdrawing)) {
        entry = withdrawal;
      }
      assertTrue(!withdrawal.get("psn").asText().equals(staying));
    }
    assertNotNull(entry, read.body());
    assertEquals("[\"*\"]", entry.get("modules").toString());
    assertEquals("[\"" + releaseId + "\"]", entry.get("releases").toString());
    assertTrue(
        !Api.get("/api/v1/withdrawals?since=" + before, Tokens.node("node-fr"))
            .body()
            .contains(withdrawing),
        "another jurisdiction's node does not learn of it");
    assertEquals(
        400, Api.get("/api/v1/withdrawals?since=yesterday", Tokens.node("node-lu")).statusCode());
    assertEquals(400, Api.get("/api/v1/withdrawals", Tokens.node("node-lu")).statusCode());
  }

  @Test
  void aPatientWhoAskedIsToldWhenAReleaseUsedTheirData() throws Exception {
    String patient = Tokens.user("patient-lu");
    String optIn =
        "{\"language\":\"fr\",\"email\":{\"tasks\":true,\"decisions\":true,"
            + "\"releasesOfMyData\":true}}";
    assertEquals(200, Api.put("/api/v1/me/preferences", patient, optIn).statusCode());
    try {
      HttpResponse<String> consented =
          ConsentApiIT.consent(patient, "me", ConsentApiIT.luConsent(ReleaseGateIT.ALL_NEEDED));
      assertEquals(201, consented.statusCode(), consented.body());
      ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher2");
      Predicate<Mailboxes.Mail> told =
          mail -> mail.subject() != null && mail.subject().startsWith("Vos données ont servi");
      int before =
          Mailboxes.inbox("patient-lu@demo.clinnova.eu").stream().filter(told).toList().size();
      String staying = ReleaseGateIT.patient("\"IBD\"", ReleaseGateIT.ALL_NEEDED);
      ReleaseGateIT.ask(ReleaseGateIT.node("node-lu"), grant, List.of("LU-0001", staying));
      Mailboxes.Mail mail =
          Mailboxes.await("patient-lu@demo.clinnova.eu", told, before + 1).get(before);
      assertEquals("Vos données ont servi à la recherche : « Study LU »", mail.subject());
      assertTrue(
          mail.body().contains(SystemTestEnvironment.portalUrl() + "/consent/disclosures"),
          mail.body());
      assertTrue(!mail.body().contains(staying), "no other patient: " + mail.body());
    } finally {
      Api.delete("/api/v1/me/preferences", patient);
    }
  }

  /**
   * The clocks reach people by e-mail when their time comes (issue 20). Dates are moved in the
   * database as if weeks had passed ({@link TimeTravel}); the running engine's timers and the
   * entitlement watch (every minute here) then act as on the day: a decision past its legal date, a
   * reminder to those who have not voted, an escalation; a returned application warned two weeks
   * and one week before it lapses, then lapsed; access ending within 30 and 7 days, ended, and
   * suspended when its ethics approval ended.
   */
  @Test
  void theClocksMailEachWarningWhenItsTimeComes() throws Exception {
    // Access first: the watch's next round finds them while the timers below are fired.
    ReleaseGateIT.Grant month = ReleaseGateIT.grant("researcher2");
    ReleaseGateIT.Grant week = ReleaseGateIT.grant("researcher2");
    ReleaseGateIT.Grant ended = ReleaseGateIT.grant("researcher2");
    ReleaseGateIT.Grant suspended = ReleaseGateIT.grant("researcher2");
    TimeTravel.entitlementEndsIn(month.entitlementId(), java.time.Duration.ofDays(20));
    TimeTravel.entitlementEndsIn(week.entitlementId(), java.time.Duration.ofDays(5));
    TimeTravel.entitlementEndsIn(ended.entitlementId(), java.time.Duration.ofHours(-1));
    ReleaseGateIT.endEthicsApprovalYesterday(suspended.applicationId());

    String researcher = Tokens.user("researcher");
    Map<String, String> titles = new java.util.HashMap<>();
    String late = "Late study " + UUID.randomUUID().toString().substring(0, 8);
    String reviewed = submitted(researcher, body(late, "lu-ibd-clinical"), "LU", "CNER 202434");
    for (String key : List.of("completenessCheck", "ethicsCheck")) {
      complete(
          "steward-lu",
          taskOf(Tokens.user("steward-lu"), reviewed, key).orElseThrow(),
          "{\"outcome\":\"approve\"}");
    }
    // Three returned applications, at two weeks, one week and past their lapse.
    Map<String, String> returned = new java.util.LinkedHashMap<>();
    for (String when : List.of("two weeks", "one week", "lapsed")) {
      String quiet = "Quiet study " + UUID.randomUUID().toString().substring(0, 8);
      String id =
          submitted(
              researcher,
              body(quiet, "lu-ibd-clinical"),
              "LU",
              "CNER 20243" + (returned.size() + 5));
      complete(
          "steward-lu",
          taskOf(Tokens.user("steward-lu"), id, "completenessCheck").orElseThrow(),
          "{\"outcome\":\"return\",\"comment\":\"Please add the protocol.\"}");
      returned.put(when, id);
      titles.put(id, quiet);
    }

    // Weeks pass: every timer falls due at once, and the engine fires them.
    TimeTravel.clockDueIn(reviewed, "LU", "decision", java.time.Duration.ofMinutes(-1));
    TimeTravel.fireTimer(reviewed, "decisionDue");
    TimeTravel.fireTimer(reviewed, "reminderDue");
    TimeTravel.fireTimer(reviewed, "escalationDue");
    TimeTravel.clockDueIn(
        returned.get("two weeks"), "", "resubmission", java.time.Duration.ofDays(13));
    TimeTravel.fireTimer(returned.get("two weeks"), "reviseFirstWarning");
    TimeTravel.clockDueIn(
        returned.get("one week"), "", "resubmission", java.time.Duration.ofDays(6));
    TimeTravel.fireTimer(returned.get("one week"), "reviseLastWarning");
    TimeTravel.clockDueIn(
        returned.get("lapsed"), "", "resubmission", java.time.Duration.ofMinutes(-1));
    TimeTravel.fireTimer(returned.get("lapsed"), "reviseLapses");

    assertEquals(
        "Overdue: the decision on “" + late + "” in Luxembourg",
        Mailboxes.awaitAbout("chair-lu@demo.clinnova.eu", reviewed, "Overdue:").subject());
    // Administrators watch the clocks: their e-mail links to the deadlines, not to the review.
    String overdue = "Overdue: the decision on “" + late + "” in Luxembourg";
    assertTrue(
        Mailboxes.await("admin@demo.clinnova.eu", mail -> overdue.equals(mail.subject()), 1)
            .get(0)
            .body()
            .contains(SystemTestEnvironment.portalUrl() + "/deadlines"));
    Mailboxes.awaitAbout("dac-lu@demo.clinnova.eu", reviewed, "Reminder: “" + late + "”");
    Mailboxes.awaitAbout(
        "chair-lu@demo.clinnova.eu", reviewed, "Escalation: no decision yet on “" + late + "”");
    String applicant = "researcher@demo.clinnova.eu";
    String twoWeeks = returned.get("two weeks");
    Mailboxes.awaitAbout(
        applicant,
        twoWeeks,
        "Your returned application “" + titles.get(twoWeeks) + "” lapses in two weeks");
    String oneWeek = returned.get("one week");
    Mailboxes.awaitAbout(
        applicant,
        oneWeek,
        "Your returned application “" + titles.get(oneWeek) + "” lapses in one week");
    String lapsed = returned.get("lapsed");
    Mailboxes.awaitAbout(
        applicant, lapsed, "Your application “" + titles.get(lapsed) + "” has lapsed");
    assertEquals(
        "lapsed",
        Api.json(Api.get("/api/v1/applications/" + lapsed, researcher)).get("state").asText());

    String holder = "researcher2@demo.clinnova.eu";
    Mailboxes.awaitAbout(
        holder, month.applicationId(), "Your access for “Study LU” ends within 30");
    Mailboxes.awaitAbout(holder, week.applicationId(), "Your access for “Study LU” ends within 7");
    Mailboxes.awaitAbout(holder, ended.applicationId(), "Your access for “Study LU” has ended");
    Mailboxes.awaitAbout(
        holder, suspended.applicationId(), "Your access for “Study LU” is suspended");
  }

  // --- helpers (also the authorization matrix's fixture) ----------------------------------

  /** Some delivery's id, once the sender has made one. */
  static String anyDelivery() {
    Instant deadline = Instant.now().plus(Mailboxes.PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      List<JsonNode> all = deliveries();
      if (!all.isEmpty()) {
        return all.get(0).get("id").asText();
      }
      Mailboxes.pause();
    }
    throw new AssertionError("no e-mail was written within " + Mailboxes.PATIENCE);
  }

  private static Predicate<Mailboxes.Mail> about(String title) {
    return mail -> mail.subject() != null && mail.subject().contains(title);
  }

  /** The newest 200 deliveries, as the administrator lists them. */
  static List<JsonNode> deliveries() {
    HttpResponse<String> listed =
        Api.get("/api/v1/messages/deliveries?limit=200", Tokens.user("admin"));
    assertEquals(200, listed.statusCode(), listed.body());
    List<JsonNode> items = new ArrayList<>();
    Api.json(listed).get("items").forEach(items::add);
    return items;
  }

  /** The delivery to {@code address} about {@code title}, once it is as {@code wanted} says. */
  private static JsonNode deliveryTo(String address, String title, Predicate<JsonNode> wanted) {
    Instant deadline = Instant.now().plus(Mailboxes.PATIENCE);
    Optional<JsonNode> found = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      found =
          deliveries().stream()
              .filter(d -> d.get("address").asText().equals(address))
              .filter(d -> d.get("subject").asText().contains(title))
              .findFirst();
      if (found.isPresent() && wanted.test(found.get())) {
        return found.get();
      }
      Mailboxes.pause();
    }
    throw new AssertionError("the delivery to " + address + " about " + title + " is " + found);
  }

  private static JsonNode notificationAbout(String user, String applicationId, String kind) {
    for (JsonNode notification : Api.json(Api.get("/api/v1/me/notifications", Tokens.user(user)))) {
      if (notification.get("applicationId").asText().equals(applicationId)
          && notification.get("kind").asText().equals(kind)) {
        return notification;
      }
    }
    throw new AssertionError(user + " has no " + kind + " notification about " + applicationId);
  }

  private static long unread(String user) {
    return Api.json(Api.get("/api/v1/me/notifications/unread", Tokens.user(user)))
        .get("count")
        .asLong();
  }
}
