package eu.clinnova.deployment.local;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.clinnova.node.NodeClient;
import eu.clinnova.node.ReleaseAsk;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's story, played once on a fresh database through the public API exactly as people and
 * nodes would: a researcher applies for one dataset in each jurisdiction with its ethics approval,
 * each jurisdiction's steward, committee and chair approve, the researcher accepts the agreement,
 * the demo patients give their consent (FR's is informed non-opposition), and then the four nodes,
 * played by {@link NodeClient}, ask the release gate and verify its answers. Afterwards the
 * patients find the release under "who used my data" and compliance finds it under "Releases".
 */
final class DemoNodes {

  record Node(String jurisdiction, String dataset, String ethicsReference, String form) {
    String code() {
      return jurisdiction.toLowerCase(java.util.Locale.ROOT);
    }

    String patient() {
      return jurisdiction + "-0001";
    }
  }

  static final List<Node> NODES =
      List.of(
          new Node("LU", "lu-ibd-clinical", "CNER 202401", "lu-research-consent"),
          new Node("FR", "fr-ra-registry", "DR-2024-017", null),
          new Node("DE", "de-ms-cohort", "F-2024-117", "de-broad-consent"),
          new Node("CH", "ch-ibd-general", "2024-00226", "ch-general-consent"));

  /** The smallest PDF the portal accepts as an ethics approval's document. */
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private final String portal;
  private final String realm;
  private final HttpClient http = HttpClient.newHttpClient();

  DemoNodes(String portal, String realm) {
    this.portal = portal;
    this.realm = realm;
  }

  /** Plays the story unless a release was already decided (a restart keeps the first one). */
  List<String> playOnce() throws IOException, InterruptedException, ParseException {
    if (!array(call("GET", "/api/v1/releases?limit=1", user("compliance"), null)).isEmpty()) {
      return List.of("The demo releases were made on an earlier start (see Releases).");
    }
    String researcher = user("researcher");
    String applicationId = apply(researcher);
    for (Node node : NODES) {
      review(applicationId, node.code());
    }
    call(
        "POST",
        "/api/v1/applications/" + applicationId + "/agreement",
        researcher,
        "{\"accepted\":true,\"agreementVersion\":1}");
    String recipient = string(object(call("GET", "/api/v1/me", researcher, null)), "sub");
    List<String> lines = new ArrayList<>();
    for (Node node : NODES) {
      if (node.form() != null) {
        call(
            "POST",
            "/api/v1/patients/me/consents",
            user("patient-" + node.code()),
            "{\"formId\":\""
                + node.form()
                + "\",\"formVersion\":1,\"language\":\"en\",\"decisions\":{\"CLINICAL-DATA\":"
                // The demo project is general health research (HMB): it needs BROAD-HEALTH too.
                + "\"permit\",\"BROAD-HEALTH\":\"permit\",\"CROSS-BORDER\":\"permit\"}}");
      }
      NodeClient client =
          new NodeClient(
              new NodeClient.Settings(
                  URI.create(portal),
                  URI.create(realm),
                  "node-" + node.code(),
                  "node-" + node.code() + "-secret",
                  Optional.empty()));
      try {
        NodeClient.Outcome outcome =
            client.ask(
                new ReleaseAsk(
                    applicationId,
                    node.dataset(),
                    recipient,
                    List.of(node.patient(), node.jurisdiction() + "-9999")));
        lines.add(
            String.format(
                "  node-%s  %-7s released %s; denied %s; %s (audit entry %d)",
                node.code(),
                outcome.answer().decision(),
                outcome.releasable(),
                outcome.answer().denied().stream().map(d -> d.psn() + " " + d.reason()).toList(),
                outcome.verified()
                    ? "token, inclusion proof and checkpoint verified"
                    : "NOT verified: " + outcome.failures(),
                outcome.answer().audit().index()));
      } catch (NodeClient.GateRefusal refusal) {
        lines.add("  node-" + node.code() + "  refused: " + refusal.problem());
      }
    }
    return lines;
  }

  private String apply(String researcher) throws IOException, InterruptedException, ParseException {
    StringBuilder datasets = new StringBuilder();
    for (Node node : NODES) {
      datasets.append(datasets.length() == 0 ? "\"" : ",\"").append(node.dataset()).append('"');
    }
    String id =
        string(
            object(
                call(
                    "POST",
                    "/api/v1/applications",
                    researcher,
                    "{\"title\":\"Demo: disease course across the Greater Region\","
                        + "\"laySummary\":\"How chronic inflammatory diseases progress, compared"
                        + " across four countries' hospitals.\",\"purpose\":{\"duo\":[\"HMB\"],"
                        + "\"description\":\"Models of disease progression.\"},\"datasets\":["
                        + datasets
                        + "],\"team\":[{\"name\":\"A. Researcher\",\"email\":"
                        + "\"a.researcher@uni.example\",\"affiliation\":\"University of"
                        + " Luxembourg\"}],\"durationMonths\":24}")),
            "id");
    String path = "/api/v1/applications/" + id;
    String boundary = "clinnova-demo-" + System.nanoTime();
    java.io.ByteArrayOutputStream part = new java.io.ByteArrayOutputStream();
    part.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ethics.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    part.writeBytes(PDF);
    part.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> uploaded =
        send(
            HttpRequest.newBuilder(URI.create(portal + path + "/attachments"))
                .header("Authorization", "Bearer " + researcher)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(part.toByteArray()))
                .build());
    String attachment = string(object(uploaded.body()), "attachmentId");
    for (Node node : NODES) {
      call(
          "POST",
          path + "/ethics-approvals",
          researcher,
          "{\"jurisdiction\":\""
              + node.jurisdiction()
              + "\",\"committee\":\"Ethics committee\",\"reference\":\""
              + node.ethicsReference()
              + "\",\"validFrom\":\""
              + LocalDate.now().minusMonths(1)
              + "\",\"validUntil\":\""
              + LocalDate.now().plusYears(2)
              + "\",\"attachmentId\":\""
              + attachment
              + "\"}");
    }
    call("POST", path + "/submit", researcher, "");
    return id;
  }

  /** The jurisdiction's steward checks, the members vote, the chair approves. */
  private void review(String applicationId, String code)
      throws IOException, InterruptedException, ParseException {
    String steward = user("steward-" + code);
    Optional<String> completeness = task(steward, applicationId, "completenessCheck");
    if (completeness.isPresent()) {
      complete(steward, completeness.get(), "{\"outcome\":\"approve\"}");
    }
    complete(
        steward,
        task(steward, applicationId, "ethicsCheck").orElseThrow(),
        "{\"outcome\":\"approve\"}");
    String vote = task(user("dac-" + code), applicationId, "dacVote").orElseThrow();
    complete(user("dac-" + code), vote, "{\"outcome\":\"approve\",\"comment\":\"Sound plan.\"}");
    complete(user("chair-" + code), vote, "{\"outcome\":\"approve\",\"comment\":\"Agreed.\"}");
    String chair = user("chair-" + code);
    complete(
        chair,
        task(chair, applicationId, "chairDecision").orElseThrow(),
        "{\"outcome\":\"approve\"}");
  }

  private Optional<String> task(String token, String applicationId, String key)
      throws IOException, InterruptedException, ParseException {
    for (Object item : array(call("GET", "/api/v1/tasks", token, null))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> task = (Map<String, Object>) item;
      if (applicationId.equals(task.get("applicationId")) && key.equals(task.get("taskKey"))) {
        return Optional.of((String) task.get("id"));
      }
    }
    return Optional.empty();
  }

  private void complete(String token, String task, String body)
      throws IOException, InterruptedException {
    call("POST", "/api/v1/tasks/" + task + "/complete", token, body);
  }

  /** A demo user's token (the development realm: the password is the user name). */
  private String user(String username) throws IOException, InterruptedException, ParseException {
    String form =
        "grant_type=password&client_id=portal-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(username, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    return string(object(response.body()), "access_token");
  }

  private String call(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(portal + path))
            .header("Authorization", "Bearer " + token);
    if (json == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return send(request.build()).body();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IOException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response;
  }

  private static Map<String, Object> object(String json) throws ParseException {
    return JSONObjectUtils.parse(json);
  }

  private static List<Object> array(String json) throws ParseException {
    return JSONObjectUtils.getJSONArray(JSONObjectUtils.parse("{\"a\":" + json + "}"), "a");
  }

  private static String string(Map<String, Object> json, String field) throws ParseException {
    return JSONObjectUtils.getString(json, field);
  }
}
