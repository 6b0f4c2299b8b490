package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document, called by a caller it authorizes (from the reviewed
 * authorization matrix) with what a careless or hostile client sends: malformed JSON, the wrong
 * types, bodies too deep or too large, numbers that overflow, strings far beyond any length, in
 * every field the document names; unknown and absurd ids in the path; query parameters that are not
 * what they should be; the wrong media type. No answer may be a 5xx, every error must be problem
 * details, and a refused request must leave the log as it was (nothing recorded).
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class BadInputCorpusIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request of the corpus and what it is. */
  record Probe(String what, String method, String path, String contentType, byte[] body) {}

  @Test
  void noBadInputGetsA5xxOrAnythingButProblemDetailsOrRecordsAnything() throws Exception {
    JsonNode document = openApi();
    Set<String> fields = fieldNames(document);
    AuthorizationMatrixIT.Fixtures fixtures = AuthorizationMatrixIT.Fixtures.create();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (AuthorizationMatrixIT.Row row : AuthorizationMatrixIT.table()) {
      String caller = authorizedCaller(row);
      JsonNode operation = operation(document, row);
      for (Probe probe : probes(row, operation, fields, fixtures.own())) {
        long before = treeSize();
        HttpResponse<String> response = send(probe, caller);
        sent++;
        int status = response.statusCode();
        String where =
            probe.method() + " " + shorten(probe.path()) + " (" + probe.what() + ") as " + caller;
        if (status >= 500) {
          failures.add(where + ": " + status + " " + shorten(response.body()));
          continue;
        }
        if (status >= 400) {
          String type = response.headers().firstValue("Content-Type").orElse("");
          if (!type.startsWith("application/problem+json")) {
            failures.add(where + ": " + status + " as " + type + " " + shorten(response.body()));
          }
          long after = treeSize();
          if (after != before) {
            failures.add(
                where + ": refused with " + status + " but the log grew by " + (after - before));
          }
        }
      }
    }
    assertTrue(
        failures.isEmpty(), failures.size() + " of " + sent + ":\n" + String.join("\n", failures));
    assertTrue(sent > 600, "every operation was probed: " + sent + " requests");
  }

  /** The first caller the matrix lets past authorization on the caller's own side. */
  static String authorizedCaller(AuthorizationMatrixIT.Row row) {
    for (int i = 0; i < AuthorizationMatrixIT.CALLERS.size(); i++) {
      String own = row.expected().get(i).split("/")[0];
      if (!Set.of("401", "403", "404").contains(own)) {
        return AuthorizationMatrixIT.CALLERS.get(i);
      }
    }
    return "admin";
  }

  static List<Probe> probes(
      AuthorizationMatrixIT.Row row,
      JsonNode operation,
      Set<String> fields,
      AuthorizationMatrixIT.Side own) {
    List<Probe> probes = new ArrayList<>();
    String template =
        row.path().contains("?") ? row.path().substring(0, row.path().indexOf('?')) : row.path();
    String valid = AuthorizationMatrixIT.resolve(template, own);
    String method = row.method();
    // Ids in the path: unknown, absurdly long, control characters, traversal, bidi overrides.
    for (String parameter : pathParameters(template)) {
      for (Map.Entry<String, String> bad : badIds().entrySet()) {
        String path =
            AuthorizationMatrixIT.resolve(
                template.replace("{" + parameter + "}", bad.getValue()), own);
        probes.add(
            new Probe(
                parameter + " " + bad.getKey(), method, path, json(method), body(method, "{}")));
      }
    }
    // Query parameters the document names, each given what it should not be.
    for (JsonNode parameter : operation.path("parameters")) {
      if (!parameter.path("in").asText().equals("query")) {
        continue;
      }
      for (Map.Entry<String, String> bad : badQueryValues().entrySet()) {
        probes.add(
            new Probe(
                parameter.get("name").asText() + "=" + bad.getKey(),
                method,
                valid
                    + "?"
                    + parameter.get("name").asText()
                    + "="
                    + URLEncoder.encode(bad.getValue(), StandardCharsets.UTF_8),
                json(method),
                body(method, "{}")));
      }
    }
    if (!operation.has("requestBody")) {
      return probes;
    }
    // Bodies.
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("truncated JSON", "{\"a\":");
    bodies.put("an array", "[]");
    bodies.put("a string", "\"text\"");
    bodies.put("a number", "12");
    bodies.put("null", "null");
    bodies.put("not JSON", "<xml/>");
    bodies.put("nested 2,000 deep", "[".repeat(2000) + "]".repeat(2000));
    bodies.put("an object nested 2,000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
    bodies.put("a 2 MB string", "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
    for (Map.Entry<String, JsonNode> value : hostileValues().entrySet()) {
      ObjectNode everyField = JSON.createObjectNode();
      fields.forEach(field -> everyField.set(field, value.getValue()));
      bodies.put("every field " + value.getKey(), everyField.toString());
    }
    boolean multipart = operation.path("requestBody").path("content").has("multipart/form-data");
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      probes.add(
          new Probe(
              body.getKey(),
              method,
              valid,
              multipart ? "multipart/form-data; boundary=nope" : "application/json",
              body.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    probes.add(
        new Probe(
            "the wrong media type",
            method,
            valid,
            multipart ? "application/json" : "text/plain",
            "{}".getBytes(StandardCharsets.UTF_8)));
    if (multipart) {
      probes.add(
          new Probe(
              "a file of 21 MB", method, valid, "multipart/form-data; boundary=b", oversized()));
    }
    return probes;
  }

  private static byte[] oversized() {
    String head =
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
    byte[] start = head.getBytes(StandardCharsets.US_ASCII);
    byte[] end = "\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[start.length + 21 * 1024 * 1024 + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    java.util.Arrays.fill(all, start.length, start.length + 21 * 1024 * 1024, (byte) 'x');
    System.arraycopy(end, 0, all, all.length - end.length, end.length);
    return all;
  }

  static Map<String, String> badIds() {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("unknown", "nope");
    ids.put("unknown uuid", "00000000-0000-0000-0000-000000000000");
    ids.put("1,000 characters", "x".repeat(1000));
    ids.put("control characters", "%00%01%7F");
    ids.put("traversal", "..%2F..%2Fetc");
    ids.put("bidi and emoji", "%E2%80%AE%F0%9F%92%A5");
    ids.put("a number beyond an int", "99999999999999999999");
    return ids;
  }

  static Map<String, String> badQueryValues() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("not a number", "abc");
    values.put("negative", "-1");
    values.put("beyond a long", "99999999999999999999999");
    values.put("an exponent", "1e400");
    values.put("10,000 characters", "y".repeat(10_000));
    values.put("a control character", "\u0000");
    values.put("not a date", "2026-13-45T99:99:99Z");
    return values;
  }

  static Map<String, JsonNode> hostileValues() {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    try {
      values.put("a 100,000-character string", JSON.getNodeFactory().textNode("z".repeat(100_000)));
      values.put("1e400", JSON.readTree("1e400"));
      values.put("4294967297", JSON.readTree("4294967297"));
      values.put("-1", JSON.readTree("-1"));
      values.put(
          "an array of 10,000 strings",
          JSON.readTree("[" + "\"LU-0001\",".repeat(9_999) + "\"LU-0001\"]"));
      values.put("an object", JSON.readTree("{\"x\":{\"y\":[]}}"));
      values.put("true", JSON.readTree("true"));
      values.put("null", JSON.readTree("null"));
      values.put("markup", JSON.getNodeFactory().textNode("<script>alert(1)</script>\u0000"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  static Set<String> pathParameters(String template) {
    Set<String> names = new TreeSet<>();
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Every property name the document's schemas and bodies mention. */
  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    collect(node, names);
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().equals("properties") && field.getValue().isObject()) {
                  field.getValue().fieldNames().forEachRemaining(names::add);
                }
                collect(field.getValue(), names);
              });
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, names));
    }
  }

  static JsonNode openApi() throws java.io.IOException {
    HttpResponse<String> document =
        Api.send(
            HttpRequest.newBuilder(Api.uri("/openapi?format=JSON"))
                .header("Accept", "application/json")
                .GET()
                .build());
    assertEquals(200, document.statusCode());
    return JSON.readTree(document.body());
  }

  static JsonNode operation(JsonNode document, AuthorizationMatrixIT.Row row) {
    String path = row.operation().substring(row.operation().indexOf(' ') + 1);
    return document.path("paths").path(path).path(row.method().toLowerCase());
  }

  private static HttpResponse<String> send(Probe probe, String caller) {
    HttpRequest.Builder request = HttpRequest.newBuilder(Api.uri(probe.path()));
    String token = AuthorizationMatrixIT.token(caller);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.header("Accept", "application/json");
    if (probe.method().equals("GET")) {
      request.GET();
    } else {
      request.header("Content-Type", probe.contentType());
      request.method(probe.method(), HttpRequest.BodyPublishers.ofByteArray(probe.body()));
    }
    return Api.send(request.build());
  }

  private static String json(String method) {
    return method.equals("GET") ? null : "application/json";
  }

  private static byte[] body(String method, String body) {
    return method.equals("GET") ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  static long treeSize() {
    HttpResponse<String> checkpoint = Api.get("/api/v1/audit/checkpoint", null);
    return Long.parseLong(checkpoint.body().split("\n")[1]);
  }

  private static String shorten(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
