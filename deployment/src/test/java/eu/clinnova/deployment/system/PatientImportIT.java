package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Running a registry through the API, against the real server: a hospital's export enrolled in the
 * background and followed through its job, bad lines and bad files, the patients listed page by
 * page within the steward's jurisdiction, and a correction; each caller sees only what is theirs.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class PatientImportIT {

  static final String HEADER = "psn,site,cohorts,minor";

  static HttpResponse<String> importFile(String token, String mediaType, byte[] file) {
    return Api.send(
        HttpRequest.newBuilder(Api.uri("/api/v1/patients/import"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", mediaType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(file))
            .build());
  }

  private static byte[] csv(List<String> lines) {
    return (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The job once it has ended. It runs in the background: the test reads it until it says so, for
   * as long as a busy machine may need (no step of the test depends on how long that is).
   */
  static JsonNode finished(String token, String jobId) {
    for (int attempt = 0; attempt < 600; attempt++) {
      HttpResponse<String> response = Api.get("/api/v1/jobs/" + jobId, token);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode job = Api.json(response);
      String state = job.get("state").asText();
      if (state.equals("done") || state.equals("failed")) {
        return job;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("job " + jobId + " did not end in two minutes");
  }

  /** A job of {@code steward}'s with one bad line and nobody enrolled (the matrix reads it). */
  static String badFileJob(String steward, String jurisdiction) {
    HttpResponse<String> started =
        importFile(
            Tokens.user(steward),
            "text/csv",
            csv(List.of(jurisdiction + "-0001,SITE,ASTHMA,false")));
    assertEquals(202, started.statusCode(), started.body());
    String jobId = Api.json(started).get("jobId").asText();
    assertEquals(1, finished(Tokens.user(steward), jobId).get("errorCount").asInt());
    return jobId;
  }

  @Test
  void anExportIsEnrolledInTheBackgroundBadLinesAreReportedAndASecondRunEnrolsNobodyTwice() {
    String steward = Tokens.user("steward-lu");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      lines.add(String.format("LU-IMPT%04d,CHL,IBD;MS,%s", i, i % 10 == 0));
    }
    lines.add("LU-IMPT0003,CHL,IBD,false");
    lines.add("LU-IMPT9000,CHL,ASTHMA,false");
    lines.add("FR-IMPT9001,CHRU,RA,false");
    lines.add("LU-IMPT9002,\"Hôpital Kirchberg, Luxembourg\",RA,false");
    byte[] file = csv(lines);

    HttpResponse<String> started = importFile(steward, "text/csv; charset=utf-8", file);
    assertEquals(202, started.statusCode(), started.body());
    String jobId = Api.json(started).get("jobId").asText();
    assertTrue(
        started.headers().firstValue("Location").orElse("").endsWith("/api/v1/jobs/" + jobId));
    JsonNode job = finished(steward, jobId);
    assertEquals("done", job.get("state").asText(), job.toString());
    assertEquals("patient-import", job.get("kind").asText());
    assertEquals(124, job.get("total").asInt());
    assertEquals(124, job.get("done").asInt());
    assertEquals(121, job.get("enrolled").asInt());
    assertEquals(3, job.get("errors").size());
    assertEquals(122, job.at("/errors/0/line").asInt());
    assertEquals("psn LU-IMPT0003 is already on line 5", job.at("/errors/0/message").asText());
    assertEquals(123, job.at("/errors/1/line").asInt());
    assertTrue(job.at("/errors/1/message").asText().contains("ASTHMA"));
    assertEquals(
        "psn FR-IMPT9001 is not of your jurisdiction", job.at("/errors/2/message").asText());

    JsonNode imported = Api.json(Api.get("/api/v1/patients/LU-IMPT9002", steward));
    assertEquals("Hôpital Kirchberg, Luxembourg", imported.get("site").asText());
    assertEquals(1, PatientApiIT.auditEntriesAbout("LU-IMPT0010").size(), "one patient.enrolled");

    assertEquals(404, Api.get("/api/v1/jobs/" + jobId, Tokens.user("steward-fr")).statusCode());
    assertEquals(200, Api.get("/api/v1/jobs/" + jobId, Tokens.user("admin")).statusCode());

    JsonNode again =
        finished(steward, Api.json(importFile(steward, "text/csv", file)).get("jobId").asText());
    assertEquals(0, again.get("enrolled").asInt());
    assertEquals(121, again.get("alreadyEnrolled").asInt());
    assertEquals(1, PatientApiIT.auditEntriesAbout("LU-IMPT0010").size(), "enrolled once");
  }

  @Test
  void aFileWithAnotherHeaderNotUtf8OfFiftyMegabytesOrOfAnotherTypeStartsNothing() {
    String steward = Tokens.user("steward-lu");
    HttpResponse<String> header =
        importFile(
            steward,
            "text/csv",
            "pseudonym;site;cohorts;minor\nLU-IMPX0001;CHL;IBD;false\n"
                .getBytes(StandardCharsets.UTF_8));
    assertProblem(header, 400, "invalid-request");
    assertEquals("header", Api.json(header).at("/errors/0/field").asText());

    HttpResponse<String> latin1 =
        importFile(
            steward,
            "text/csv",
            (HEADER + "\nLU-IMPX0002,Hôpital,IBD,false\n").getBytes(StandardCharsets.ISO_8859_1));
    assertProblem(latin1, 400, "invalid-request");
    assertTrue(Api.json(latin1).at("/errors/0/message").asText().contains("UTF-8"));

    byte[] fifty = new byte[50 * 1024 * 1024];
    byte[] start = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(start, 0, fifty, 0, start.length);
    java.util.Arrays.fill(fifty, start.length, fifty.length, (byte) 'A');
    assertProblem(
        Api.send(
            HttpRequest.newBuilder(Api.uri("/api/v1/patients/import"))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .timeout(java.time.Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + steward)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(fifty))
                .build()),
        413,
        "import-too-large");

    assertProblem(
        importFile(steward, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
        415,
        "unsupported-media-type");
    assertProblem(
        importFile(
            Tokens.user("compliance"), "text/csv", csv(List.of("LU-IMPX0003,CHL,IBD,false"))),
        403,
        "forbidden");
    assertEquals(
        404, Api.get("/api/v1/patients/LU-IMPX0001", Tokens.user("compliance")).statusCode());
  }

  private static List<String> listed(String token, String query) {
    List<String> psns = new ArrayList<>();
    String next = null;
    do {
      HttpResponse<String> response =
          Api.get("/api/v1/patients?" + query + (next == null ? "" : "&after=" + next), token);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode page = Api.json(response);
      page.get("items").forEach(item -> psns.add(item.get("psn").asText()));
      next = page.has("next") ? page.get("next").asText() : null;
    } while (next != null);
    return psns;
  }

  @Test
  void stewardsListTheirOwnPatientsPageByPageAndCorrectThemAndCompliancePagesEveryone() {
    String steward = Tokens.user("steward-de");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      lines.add(
          String.format("DE-LIST%04d,%s,%s,false", i, i < 3 ? "UKF" : "UKT", i < 5 ? "MS" : "RA"));
    }
    JsonNode job =
        finished(
            steward, Api.json(importFile(steward, "text/csv", csv(lines))).get("jobId").asText());
    assertEquals(7, job.get("enrolled").asInt(), job.toString());

    assertEquals(
        List.of(
            "DE-LIST0000",
            "DE-LIST0001",
            "DE-LIST0002",
            "DE-LIST0003",
            "DE-LIST0004",
            "DE-LIST0005",
            "DE-LIST0006"),
        listed(steward, "q=de-list&limit=3"));
    assertEquals(
        List.of("DE-LIST0005", "DE-LIST0006"), listed(steward, "q=DE-LIST&cohort=RA&limit=1"));
    assertEquals(
        List.of("DE-LIST0000", "DE-LIST0001", "DE-LIST0002"),
        listed(steward, "q=DE-LIST&site=ukf"));
    assertEquals(7, listed(steward, "q=DE-LIST&consent=none").size());
    assertEquals(List.of(), listed(Tokens.user("steward-lu"), "q=DE-LIST"));
    assertEquals(7, listed(Tokens.user("compliance"), "q=DE-LIST&limit=500").size());
    JsonNode item = Api.json(Api.get("/api/v1/patients?q=DE-LIST0006", steward)).at("/items/0");
    assertEquals(
        "{\"psn\":\"DE-LIST0006\",\"jurisdiction\":\"DE\",\"site\":\"UKT\",\"cohorts\":[\"RA\"],\"minor\":false}",
        item.toString());

    HttpResponse<String> bad =
        Api.get("/api/v1/patients?cohort=ASTHMA&limit=0&consent=maybe&after=x", steward);
    assertProblem(bad, 400, "invalid-request");
    List<String> fields = new ArrayList<>();
    Api.json(bad).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    assertEquals(List.of("cohort", "consent", "after", "limit"), fields);

    HttpResponse<String> corrected =
        patch(
            steward,
            "DE-LIST0006",
            "{\"site\":\"Universitätsklinikum Tübingen\",\"minor\":true,\"majorityDate\":\"2031-02-01\"}");
    assertEquals(200, corrected.statusCode(), corrected.body());
    JsonNode patient = Api.json(corrected);
    assertEquals("Universitätsklinikum Tübingen", patient.get("site").asText());
    assertEquals("2031-02-01", patient.get("majorityDate").asText());
    assertTrue(patient.has("auditIndex"));
    assertTrue(
        PatientApiIT.auditEntriesAbout("DE-LIST0006").stream()
            .anyMatch(entry -> entry.at("/subtype/0/code").asText().equals("patient.corrected")));

    assertEquals(
        404, patch(Tokens.user("steward-lu"), "DE-LIST0006", "{\"site\":\"X\"}").statusCode());
    HttpResponse<String> invalid =
        patch(
            steward,
            "DE-LIST0006",
            "{\"minor\":false,\"majorityDate\":\"2031-02-01\",\"psn\":\"DE-9\"}");
    assertProblem(invalid, 400, "invalid-request");
    assertFalse(invalid.body().contains("Exception"));
    assertEquals(
        "Universitätsklinikum Tübingen",
        Api.json(Api.get("/api/v1/patients/DE-LIST0006", steward)).get("site").asText(),
        "a refused correction changes nothing");
  }

  static HttpResponse<String> patch(String token, String psn, String json) {
    return Api.send(
        HttpRequest.newBuilder(Api.uri("/api/v1/patients/" + psn))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }
}
