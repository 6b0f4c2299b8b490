package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document the server publishes, called by every role, on an object
 * of the caller's own side (the LU patient, the LU application ...) and of the other side (FR),
 * against the real server; the statuses expected are one reviewed table, {@code
 * authorization-matrix.txt}. An operation the document lists without a row in the table, or a row
 * the document does not list, fails the test; so does every cell that differs, all reported at once
 * with the whole observed table written to {@code target/authorization-matrix-observed.txt} for
 * review.
 *
 * <p>Writes are sent with a body that cannot change anything once authorized (an empty object, or
 * one the row gives), so that the matrix tests who gets past authorization without altering the
 * data the other tests use; the operations that do change their fixture come last in the table.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class AuthorizationMatrixIT {

  /** The callers, in the table's column order: a demo user or node per role, or nobody. */
  static final List<String> CALLERS =
      List.of(
          "anonymous",
          "patient-lu",
          "researcher",
          "steward-lu",
          "dac-lu",
          "chair-lu",
          "compliance",
          "node-lu",
          "admin");

  static final byte[] MULTIPART_PDF =
      ("--matrix\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
              + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--matrix--\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  /** One row: an operation, the body its writes send, the expected status per caller. */
  record Row(String method, String path, String body, List<String> expected) {
    String operation() {
      int query = path.indexOf('?');
      return method + " " + (query < 0 ? path : path.substring(0, query));
    }
  }

  /** The objects of each side: what {@code {psn}}, {@code {id}} ... stand for. */
  record Side(Map<String, String> values) {}

  @Test
  void everyOperationAnswersEveryRoleAsTheReviewedTableSays() throws Exception {
    List<Row> rows = table();
    assertEquals(
        new TreeSet<>(documentedOperations()),
        new TreeSet<>(rows.stream().map(Row::operation).toList()),
        "every operation of the OpenAPI document has exactly one row in authorization-matrix.txt");

    Fixtures fixtures = Fixtures.create();
    List<String> mismatches = new ArrayList<>();
    StringBuilder observed = new StringBuilder();
    for (Row row : rows) {
      List<String> cells = new ArrayList<>();
      for (int column = 0; column < CALLERS.size(); column++) {
        String caller = CALLERS.get(column);
        int own = call(row, caller, fixtures.own());
        String cell;
        if (row.path().contains("{")) {
          int foreign = call(row, caller, fixtures.foreign());
          cell = own == foreign ? String.valueOf(own) : own + "/" + foreign;
        } else {
          cell = String.valueOf(own);
        }
        cells.add(cell);
        if (!cell.equals(row.expected().get(column))) {
          mismatches.add(
              row.method()
                  + " "
                  + row.path()
                  + " as "
                  + caller
                  + ": expected "
                  + row.expected().get(column)
                  + ", got "
                  + cell);
        }
      }
      observed
          .append(String.format("%-6s %-58s", row.method(), row.path()))
          .append(" | ")
          .append(row.body())
          .append(" | ")
          .append(String.join(" | ", cells))
          .append('\n');
    }
    Path report = Path.of("target", "authorization-matrix-observed.txt");
    Files.writeString(report, observed.toString(), StandardCharsets.UTF_8);
    assertTrue(
        mismatches.isEmpty(), String.join("\n", mismatches) + "\n(observed: " + report + ")");
  }

  /** {@code template} with the objects of {@code side} in place of its parameters. */
  static String resolve(String template, Side side) {
    String path = template;
    // {id} names a different thing under each collection: the segment before it says which.
    List<String> segments = List.of(path.split("[/?]"));
    int id = segments.indexOf("{id}");
    if (id > 0) {
      // Retiring takes a dataset of its own, so that the others' catalogue stays whole.
      String key = segments.get(id - 1) + ".id" + (template.endsWith("/retire") ? ".retire" : "");
      path = path.replace("{id}", side.values().get(key));
    }
    for (Map.Entry<String, String> value : side.values().entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    return path;
  }

  private static int call(Row row, String caller, Side side) {
    String path = resolve(row.path(), side);
    HttpRequest.Builder request = HttpRequest.newBuilder(Api.uri(path));
    String token = token(caller);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    switch (row.method()) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      case "POST", "PUT", "PATCH" -> {
        if (row.body().equals("csv")) {
          // A file with the header and nobody on it: refused by content, never enrolled.
          request.header("Content-Type", "text/csv");
          request.method(
              row.method(), HttpRequest.BodyPublishers.ofString(PatientImportIT.HEADER + "\n"));
        } else if (row.body().equals("multipart")) {
          // A small PDF in a part named file: what an upload is.
          request.header("Content-Type", "multipart/form-data; boundary=matrix");
          request.method(row.method(), HttpRequest.BodyPublishers.ofByteArray(MULTIPART_PDF));
        } else {
          String body = row.body().equals("-") ? "" : row.body();
          request.header("Content-Type", "application/json");
          request.method(row.method(), HttpRequest.BodyPublishers.ofString(body));
        }
      }
      default -> throw new IllegalArgumentException(row.method());
    }
    HttpResponse<String> response = Api.send(request.build());
    int status = response.statusCode();
    if (status >= 500) {
      throw new AssertionError(
          row.method() + " " + path + " as " + caller + ": " + response.body());
    }
    return status;
  }

  static String token(String caller) {
    return switch (caller) {
      case "anonymous" -> null;
      case "node-lu" -> Tokens.node("node-lu");
      default -> Tokens.user(caller);
    };
  }

  /** The operations of the document the server publishes at /openapi. */
  static List<String> documentedOperations() throws IOException {
    JsonNode paths = BadInputCorpusIT.openApi().get("paths");
    List<String> operations = new ArrayList<>();
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                            operations.add(method.toUpperCase() + " " + path.getKey());
                          }
                        }));
    return operations;
  }

  static List<Row> table() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in =
        AuthorizationMatrixIT.class.getResourceAsStream("/authorization-matrix.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\\|");
        String[] operation = cells[0].strip().split("\\s+");
        List<String> expected = new ArrayList<>();
        for (int i = 2; i < cells.length; i++) {
          expected.add(cells[i].strip());
        }
        assertEquals(CALLERS.size(), expected.size(), "a status per caller: " + line);
        rows.add(new Row(operation[0], operation[1], cells[1].strip(), expected));
      }
    }
    return rows;
  }

  /** The objects both sides of the matrix are made of, created once through the API. */
  record Fixtures(Side own, Side foreign) {

    static Fixtures create() {
      // LU: the researcher's application, approved, with an entitlement and a release.
      ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher");
      String luApplication =
          ApplicationApiIT.submittedApplication(
              Tokens.user("researcher"), "lu-ibd-clinical", "LU", "CNER 202420");
      String frApplication =
          ApplicationApiIT.submittedApplication(
              Tokens.user("researcher2"), "fr-ra-registry", "FR", "DR-2026-042");
      HttpResponse<String> consented =
          ConsentApiIT.consent(
              Tokens.user("patient-lu"), "me", ConsentApiIT.luConsent(ReleaseGateIT.ALL_NEEDED));
      assertEquals(201, consented.statusCode(), consented.body());
      HttpResponse<String> released =
          Api.post(
              "/api/v1/releases",
              Tokens.node("node-lu"),
              "{\"applicationId\":\""
                  + grant.applicationId()
                  + "\",\"datasetId\":\"lu-ibd-clinical\",\"recipient\":\""
                  + grant.recipient()
                  + "\",\"subjects\":[\"LU-0001\"]}");
      assertEquals(200, released.statusCode(), released.body());
      JsonNode frHistory =
          Api.json(Api.get("/api/v1/patients/FR-0001/consents/history", Tokens.user("compliance")));
      Map<String, String> own = new LinkedHashMap<>();
      own.put("psn", "LU-0001");
      own.put("recordId", Api.json(consented).get("recordId").asText());
      own.put("applications.id", luApplication);
      own.put("attachmentId", firstAttachment(luApplication, "researcher"));
      own.put(
          "tasks.id",
          ApplicationApiIT.taskOf(Tokens.user("steward-lu"), luApplication, "completenessCheck")
              .orElseThrow());
      own.put("entitlements.id", grant.entitlementId());
      own.put("releases.id", Api.json(released).get("releaseId").asText());
      own.put("releaseId", own.get("releases.id"));
      own.put("datasets.id", "lu-ibd-clinical");
      own.put("forms.id", "lu-research-consent");
      own.put("version", "1");
      own.put(
          "policyVersion",
          Api.json(Api.get("/api/v1/policies", Tokens.user("admin"))).get("version").asText());
      own.put("jurisdiction", "LU");
      // What the submission told the stewards of each jurisdiction.
      own.put("notifications.id", notificationAbout("steward-lu", luApplication));
      own.put("deliveries.id", MailIT.anyDelivery());
      Map<String, String> foreign = new LinkedHashMap<>(own);
      foreign.put("psn", "FR-0001");
      foreign.put("recordId", frHistory.get(0).get("recordId").asText());
      foreign.put("applications.id", frApplication);
      foreign.put("attachmentId", firstAttachment(frApplication, "researcher2"));
      foreign.put(
          "tasks.id",
          ApplicationApiIT.taskOf(Tokens.user("steward-fr"), frApplication, "completenessCheck")
              .orElseThrow());
      foreign.put("entitlements.id", UUID.randomUUID().toString());
      foreign.put("releases.id", UUID.randomUUID().toString());
      foreign.put("releaseId", foreign.get("releases.id"));
      foreign.put("datasets.id", "fr-ra-registry");
      foreign.put("forms.id", "fr-research-information");
      foreign.put("jurisdiction", "FR");
      foreign.put("notifications.id", notificationAbout("steward-fr", frApplication));
      own.put("jobs.id", PatientImportIT.badFileJob("steward-lu", "LU"));
      own.put("datasets.id.retire", DatasetApiIT.publishedForRetirement("lu-matrix-retired", "LU"));
      foreign.put(
          "datasets.id.retire", DatasetApiIT.publishedForRetirement("fr-matrix-retired", "FR"));
      foreign.put("jobs.id", PatientImportIT.badFileJob("steward-fr", "FR"));
      return new Fixtures(new Side(own), new Side(foreign));
    }

    private static String notificationAbout(String user, String application) {
      for (JsonNode notification :
          Api.json(Api.get("/api/v1/me/notifications", Tokens.user(user)))) {
        if (notification.get("applicationId").asText().equals(application)) {
          return notification.get("id").asText();
        }
      }
      throw new AssertionError(user + " was not told about " + application);
    }

    private static String firstAttachment(String application, String owner) {
      return Api.json(Api.get("/api/v1/applications/" + application, Tokens.user(owner)))
          .at("/attachments/0/attachmentId")
          .asText();
    }
  }
}
