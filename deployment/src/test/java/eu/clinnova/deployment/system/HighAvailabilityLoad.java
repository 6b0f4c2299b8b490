package eu.clinnova.deployment.system;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load of HighAvailabilityIT, run by Gatling in the test's JVM: release decisions asked by a
 * node and consent changes recorded by a steward, at steady rates (or, for the gate's throughput,
 * as many decisions as a fixed number of clients can ask). Gatling makes the instance; the test
 * hands it its {@link Plan} and reads what every client saw from {@link #results} afterwards.
 */
public class HighAvailabilityLoad extends Simulation {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to ask, where, how often. */
  record Plan(
      String baseUrl,
      Supplier<String> nodeToken,
      Supplier<String> stewardToken,
      Supplier<String> researcherToken,
      ReleaseGateIT.Grant grant,
      List<String> patients,
      Map<String, String> evidence,
      int gatePerSecond,
      int consentPerSecond,
      double applicationsPerSecond,
      int gateClients,
      Duration length) {}

  /** A decision the gate acknowledged: its entry in the log, as the node was told. */
  record Acknowledged(long index, String leafHash, String checkpoint, int permitted) {}

  /** A consent change the registry acknowledged, and when the steward asked for it. */
  record ConsentAcknowledged(String psn, boolean withdrawn, long askedAtNanos) {}

  /** What the clients saw. */
  static final class Results {
    final Queue<Acknowledged> decisions = new ConcurrentLinkedQueue<>();
    final Queue<ConsentAcknowledged> consents = new ConcurrentLinkedQueue<>();
    final Queue<Long> gateNanos = new ConcurrentLinkedQueue<>();
    final AtomicLong applicationsStarted = new AtomicLong();

    /** Applications submitted and checked for completeness (the steward's 200). */
    final Queue<String> applicationsReviewed = new ConcurrentLinkedQueue<>();

    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

    void error(String what) {
      errors.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
    }

    long errorCount() {
      return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }
  }

  static volatile Plan plan;
  static volatile Results results = new Results();

  public HighAvailabilityLoad() {
    Plan current = plan;
    HttpProtocolBuilder protocol =
        http.baseUrl(current.baseUrl())
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            // Clients of a load balancer: each connection is the balancer's to route.
            .shareConnections();
    List<PopulationBuilder> load = new ArrayList<>();
    if (current.gateClients() > 0) {
      load.add(
          gate("gate (closed)")
              .injectClosed(
                  constantConcurrentUsers(current.gateClients()).during(current.length())));
    }
    if (current.gatePerSecond() > 0) {
      load.add(
          gate("gate")
              .injectOpen(constantUsersPerSec(current.gatePerSecond()).during(current.length())));
    }
    if (current.applicationsPerSecond() > 0) {
      load.add(
          applications()
              .injectOpen(
                  constantUsersPerSec(current.applicationsPerSecond()).during(current.length())));
    }
    if (current.consentPerSecond() > 0) {
      load.add(
          consent()
              .injectOpen(
                  constantUsersPerSec(current.consentPerSecond()).during(current.length())));
    }
    setUp(load).protocols(protocol);
  }

  private static ScenarioBuilder gate(String name) {
    return scenario(name)
        .exec(session -> session.set("t0", System.nanoTime()))
        .exec(
            http("release decision")
                .post("/api/v1/releases")
                .header("Authorization", session -> "Bearer " + plan.nodeToken().get())
                .body(StringBody(session -> releaseBody()))
                // Every answer is kept and judged below: Gatling's own verdict is not the test's.
                .check(status().saveAs("status"), bodyString().saveAs("body")))
        .exec(HighAvailabilityLoad::decided);
  }

  private static String releaseBody() {
    List<String> patients = plan.patients();
    List<String> subjects = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      String psn = patients.get(random.nextInt(patients.size()));
      if (!subjects.contains(psn)) {
        subjects.add(psn);
      }
    }
    return ReleaseGateBenchmark.body(plan.grant(), subjects);
  }

  private static Session decided(Session session) {
    long nanos = System.nanoTime() - session.getLong("t0");
    if (!session.contains("status")) {
      results.error("gate: no answer");
      return session;
    }
    int status = session.getInt("status");
    if (status != 200) {
      results.error("gate: " + status);
      return session;
    }
    results.gateNanos.add(nanos);
    try {
      JsonNode answer = JSON.readTree(session.getString("body"));
      JsonNode audit = answer.get("audit");
      results.decisions.add(
          new Acknowledged(
              audit.get("index").asLong(),
              audit.get("leafHash").asText(),
              audit.get("checkpoint").asText(),
              answer.get("permitted").size()));
    } catch (Exception e) {
      results.error("gate: unreadable answer");
    }
    return session;
  }

  private static final String BOUNDARY = "clinnova-load";

  /** The ethics letter as the portal's upload takes it: a PDF in a multipart form. */
  private static final byte[] LETTER = letter();

  private static byte[] letter() {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(ApplicationApiIT.PDF);
    body.writeBytes(
        ("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /**
   * A researcher writes an application, uploads its ethics letter, records the approval and submits
   * it; the steward then finds its completeness check among their tasks and approves it. A step
   * that fails ends the user's journey (counted: started but not reviewed).
   */
  private static ScenarioBuilder applications() {
    return scenario("applications")
        .exec(
            session -> {
              results.applicationsStarted.incrementAndGet();
              return session.set(
                  "title", "Load study " + java.util.UUID.randomUUID().toString().substring(0, 8));
            })
        .exec(
            http("application written")
                .post("/api/v1/applications")
                .header("Authorization", session -> "Bearer " + plan.researcherToken().get())
                .body(
                    StringBody(
                        session ->
                            ApplicationApiIT.body(
                                session.getString("title"), ReleaseGateIT.DATASET)))
                .check(status().is(201), jsonPath("$.id").saveAs("id")))
        .exitHereIfFailed()
        .exec(
            http("ethics letter")
                .post(session -> "/api/v1/applications/" + session.getString("id") + "/attachments")
                .header("Authorization", session -> "Bearer " + plan.researcherToken().get())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .body(ByteArrayBody(LETTER))
                .check(status().in(200, 201), jsonPath("$.attachmentId").saveAs("letter")))
        .exitHereIfFailed()
        .exec(
            http("ethics approval")
                .post(
                    session ->
                        "/api/v1/applications/" + session.getString("id") + "/ethics-approvals")
                .header("Authorization", session -> "Bearer " + plan.researcherToken().get())
                .body(
                    StringBody(
                        session ->
                            ApplicationApiIT.ethics(
                                "LU",
                                "Committee",
                                "CNER " + (100000 + ThreadLocalRandom.current().nextInt(900000)),
                                session.getString("letter"))))
                .check(status().is(201)))
        .exitHereIfFailed()
        .exec(
            http("application submitted")
                .post(session -> "/api/v1/applications/" + session.getString("id") + "/submit")
                .header("Authorization", session -> "Bearer " + plan.researcherToken().get())
                .body(StringBody(""))
                .check(status().is(200)))
        .exitHereIfFailed()
        .exec(
            http("steward's tasks")
                .get("/api/v1/tasks")
                .header("Authorization", session -> "Bearer " + plan.stewardToken().get())
                .check(
                    status().is(200),
                    jsonPath(
                            session ->
                                "$[?(@.applicationId == '"
                                    + session.getString("id")
                                    + "' && @.taskKey == 'completenessCheck')].id")
                        .saveAs("task")))
        .exitHereIfFailed()
        .exec(
            http("completeness checked")
                .post(session -> "/api/v1/tasks/" + session.getString("task") + "/complete")
                .header("Authorization", session -> "Bearer " + plan.stewardToken().get())
                .body(StringBody("{\"outcome\":\"approve\"}"))
                .check(status().is(200)))
        .exitHereIfFailed()
        .exec(
            session -> {
              results.applicationsReviewed.add(session.getString("id"));
              return session;
            });
  }

  /** A steward records a patient's paper consent, withdrawn or given, at random. */
  private static ScenarioBuilder consent() {
    return scenario("consent")
        .exec(
            session -> {
              List<String> patients = plan.patients();
              String psn = patients.get(ThreadLocalRandom.current().nextInt(patients.size()));
              boolean withdraw = ThreadLocalRandom.current().nextBoolean();
              return session
                  .set("psn", psn)
                  .set("withdraw", withdraw)
                  .set("asked", System.nanoTime());
            })
        .exec(
            http("consent change")
                .post(session -> "/api/v1/patients/" + session.getString("psn") + "/consents")
                .header("Authorization", session -> "Bearer " + plan.stewardToken().get())
                .body(
                    StringBody(
                        session ->
                            consentBody(session.getString("psn"), session.getBoolean("withdraw"))))
                .check(status().saveAs("status")))
        .exec(
            session -> {
              if (!session.contains("status")) {
                results.error("consent: no answer");
              } else if (session.getInt("status") != 201) {
                results.error("consent: " + session.getInt("status"));
              } else {
                results.consents.add(
                    new ConsentAcknowledged(
                        session.getString("psn"),
                        session.getBoolean("withdraw"),
                        session.getLong("asked")));
              }
              return session;
            });
  }

  private static String consentBody(String psn, boolean withdraw) {
    String decision = withdraw ? "deny" : "permit";
    return ConsentApiIT.luConsent(
            "\"CLINICAL-DATA\":\"" + decision + "\",\"CROSS-BORDER\":\"" + decision + "\"")
        .replace(
            "}}",
            "},\"signer\":{\"kind\":\"staff-paper\"},\"evidenceAttachmentId\":\""
                + plan.evidence().get(psn)
                + "\"}");
  }
}
