package eu.clinnova.deployment.system;

import static eu.clinnova.deployment.system.ApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.audit.verifier.VerifierLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log through its public API, in the real server: the signed checkpoint, the verifier
 * key, entries, proofs, the command-line verifier, and tampering detected.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

  private static String firstCheckpoint;

  @Test
  @Order(1)
  void theCheckpointIsPublicSignedAndCoversTheStartOfThePortal() throws Exception {
    // A fresh start: the log's newest entry is then this start (the next test reads it).
    PortalDeployed.redeploy();
    HttpResponse<String> checkpoint = Api.get("/api/v1/audit/checkpoint", null);
    assertEquals(200, checkpoint.statusCode(), checkpoint.body());
    assertTrue(checkpoint.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    Checkpoint verified = Checkpoint.verify(checkpoint.body(), verifier());
    assertTrue(verified.size() >= 1, "the portal's start is logged");
    assertEquals(3, checkpoint.body().split("\n\n")[0].split("\n").length, "origin, size, root");
    assertTrue(checkpoint.body().split("\n\n")[1].startsWith("\u2014 " + verifier().name() + " "));
    firstCheckpoint = checkpoint.body();
  }

  @Test
  @Order(2)
  void entriesAreForComplianceOfficersAndShowTheExactLeaves() {
    assertProblem(Api.get("/api/v1/audit/entries", null), 401, "unauthorized");
    assertProblem(Api.get("/api/v1/audit/entries", Tokens.user("patient-lu")), 403, "forbidden");
    assertProblem(Api.get("/api/v1/audit/entries", Tokens.node("node-lu")), 403, "forbidden");

    // The newest page, whatever the other test classes have logged before (the log may hold
    // thousands of entries by now): its last entry is this deployment's start.
    long size =
        Checkpoint.verify(Api.get("/api/v1/audit/checkpoint", null).body(), verifier()).size();
    long start = Math.max(0, size - 1000);
    HttpResponse<String> response =
        Api.get("/api/v1/audit/entries?start=" + start + "&limit=1000", Tokens.user("compliance"));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode entries = Api.json(response).get("entries");
    assertTrue(entries.size() >= 1);
    JsonNode last = entries.get(entries.size() - 1);
    assertEquals(start + entries.size() - 1, last.get("index").asLong());
    assertEquals(size - 1, last.get("index").asLong());
    assertEquals("portal.started", last.at("/entry/action").asText());
    assertEquals("system", last.at("/entry/actor/role").asText());
    assertEquals(1, last.at("/entry/v").asInt());
    String leaf =
        new String(Base64.getDecoder().decode(last.get("leaf").asText()), StandardCharsets.UTF_8);
    assertTrue(
        leaf.startsWith("{\"action\":\"portal.started\",\"actor\":{\"role\":\"system\""), leaf);
  }

  @Test
  @Order(3)
  void aNodeGetsInclusionProofsThatVerifyAgainstTheSignedRoot() {
    Checkpoint checkpoint =
        Checkpoint.verify(Api.get("/api/v1/audit/checkpoint", null).body(), verifier());
    List<JsonNode> entries = new ArrayList<>();
    while (entries.size() < checkpoint.size()) {
      Api.json(
              Api.get(
                  "/api/v1/audit/entries?start=" + entries.size() + "&limit=1000",
                  Tokens.user("compliance")))
          .get("entries")
          .forEach(entries::add);
    }
    for (long index = 0; index < checkpoint.size(); index++) {
      HttpResponse<String> response =
          Api.get(
              "/api/v1/audit/proof/inclusion?index=" + index + "&size=" + checkpoint.size(),
              Tokens.node("node-lu"));
      assertEquals(200, response.statusCode(), response.body());
      JsonNode proof = Api.json(response);
      assertEquals(index, proof.get("index").asLong());
      byte[] leafHash =
          Hashes.leaf(Base64.getDecoder().decode(entries.get((int) index).get("leaf").asText()));
      assertTrue(
          ProofVerifier.verifyInclusion(
              index, checkpoint.size(), leafHash, hashes(proof), checkpoint.rootHash()),
          "entry " + index);
    }
  }

  @Test
  @Order(4)
  void afterARestartTheLogHasGrownConsistently() throws Exception {
    PortalDeployed.redeploy();
    Checkpoint before = Checkpoint.verify(firstCheckpoint, verifier());
    Checkpoint after =
        Checkpoint.verify(Api.get("/api/v1/audit/checkpoint", null).body(), verifier());
    assertTrue(after.size() > before.size(), "the restart is logged");
    HttpResponse<String> response =
        Api.get(
            "/api/v1/audit/proof/consistency?from=" + before.size() + "&to=" + after.size(),
            Tokens.user("compliance"));
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        ProofVerifier.verifyConsistency(
            before.size(),
            after.size(),
            before.rootHash(),
            after.rootHash(),
            hashes(Api.json(response))));
  }

  @Test
  @Order(5)
  void badParametersAreNamedInProblemDetails() {
    String token = Tokens.user("compliance");
    JsonNode problem = assertInvalid(Api.get("/api/v1/audit/entries?start=-1&limit=5000", token));
    assertEquals(List.of("limit", "start"), fields(problem));
    assertEquals(
        List.of("limit"), fields(assertInvalid(Api.get("/api/v1/audit/entries?limit=abc", token))));
    assertEquals(
        List.of("index"),
        fields(assertInvalid(Api.get("/api/v1/audit/proof/inclusion?size=1", token))));
    assertEquals(
        List.of("size"),
        fields(
            assertInvalid(Api.get("/api/v1/audit/proof/inclusion?index=0&size=999999999", token))));
    assertEquals(
        List.of("index"),
        fields(assertInvalid(Api.get("/api/v1/audit/proof/inclusion?index=1&size=1", token))));
    assertEquals(
        List.of("from"),
        fields(assertInvalid(Api.get("/api/v1/audit/proof/consistency?from=0&to=1", token))));
  }

  @Test
  @Order(6)
  void theCommandLineVerifierAcceptsTheLogAndChecksConsistencyWithASavedCheckpoint()
      throws Exception {
    Path work = Files.createTempDirectory("verifier");
    Path state = work.resolve("checkpoint.txt");
    Files.writeString(state, firstCheckpoint);
    Output output = verify(work, state);
    assertEquals(0, output.status(), output.text());
    assertTrue(output.text().contains("VERIFIED"), output.text());
    assertTrue(output.text().contains("checked against the saved checkpoint"), output.text());
    assertFalse(Files.readString(state).equals(firstCheckpoint), "the newer checkpoint is saved");
  }

  @Test
  @Order(7)
  void aLeafChangedBySomeoneWithDatabaseSuperuserRightsIsDetected() throws Exception {
    Path work = Files.createTempDirectory("verifier");
    byte[] original;
    try (AuditTampering.Edit edit =
        AuditTampering.editLeaf(0, leaf -> leaf.replace("portal.started", "portal.stopped"))) {
      original = edit.original();
      Output output = verify(work, null);
      assertEquals(1, output.status(), output.text());
      assertTrue(output.text().contains("FAILED"), output.text());
    }
    assertArrayEquals(original, AuditTampering.leaf(0));
    assertEquals(0, verify(work, null).status(), "restored");
  }

  @Test
  @Order(8)
  void complianceReadsTheLogAsFhirAuditEvents() {
    HttpResponse<String> response =
        Api.get(
            "/api/v1/fhir/r4/AuditEvent?subtype=portal.started&_count=5",
            Tokens.user("compliance"));
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/fhir+json"));
    JsonNode bundle = Api.json(response);
    assertEquals("Bundle", bundle.get("resourceType").asText());
    assertEquals("searchset", bundle.get("type").asText());
    JsonNode event = bundle.at("/entry/0/resource");
    assertEquals("AuditEvent", event.get("resourceType").asText());
    assertEquals("110100", event.at("/type/code").asText());
    assertEquals("portal.started", event.at("/subtype/0/code").asText());
  }

  @Test
  @Order(9)
  void aPatientSeesOnlyAuditEventsAboutThemself() {
    HttpResponse<String> own = Api.get("/api/v1/fhir/r4/AuditEvent", Tokens.user("patient-lu"));
    assertEquals(200, own.statusCode(), own.body());
    assertFalse(own.body().contains("portal.started"), "no entry about someone else");
    assertProblem(
        Api.get("/api/v1/fhir/r4/AuditEvent?patient=FR-0001", Tokens.user("patient-lu")),
        404,
        "not-found");
    assertProblem(
        Api.get("/api/v1/fhir/r4/AuditEvent", Tokens.user("researcher")), 403, "forbidden");
    assertInvalid(Api.get("/api/v1/fhir/r4/AuditEvent?date=yesterday", Tokens.user("compliance")));
  }

  private record Output(int status, String text) {}

  private static Output verify(Path work, Path state) throws Exception {
    Path token = work.resolve("token.txt");
    Files.writeString(token, Tokens.user("compliance"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--api", SystemTestEnvironment.portalUrl() + "/api/v1",
                "--key", Api.get("/api/v1/audit/verifier-key", null).body(),
                "--token-file", token.toString()));
    if (state != null) {
      args.addAll(List.of("--state", state.toString()));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = VerifierLauncher.run(args.toArray(String[]::new), print);
    return new Output(status, bytes.toString(StandardCharsets.UTF_8));
  }

  private static NoteVerifier verifier() {
    HttpResponse<String> key = Api.get("/api/v1/audit/verifier-key", null);
    assertEquals(200, key.statusCode(), key.body());
    return NoteVerifier.of(key.body());
  }

  private static List<byte[]> hashes(JsonNode proof) {
    List<byte[]> hashes = new ArrayList<>();
    proof.get("hashes").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
    return hashes;
  }

  private static JsonNode assertInvalid(HttpResponse<String> response) {
    assertProblem(response, 400, "invalid-request");
    return Api.json(response);
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields.stream().sorted().toList();
  }
}
