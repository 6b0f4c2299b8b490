package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clinnova.audit.subjects.SubjectLeaf;
import eu.clinnova.audit.subjects.SubjectTree;
import eu.clinnova.audit.verifier.VerifierLauncher;
import eu.clinnova.node.NodeClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log alone proves compliance (issue 17): every release entry commits to its subjects; a
 * patient's proof that a release did or did not include them verifies offline against the log's
 * key; the compliance replay passes the log the suite wrote and reports a subject a database
 * superuser added to a release, and a release whose consent entry is gone.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ReleaseProofIT {

  @TempDir Path work;

  @Test
  void eachPatientCanProveWhetherAReleaseIncludedThem() throws Exception {
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher");
    String patientToken = Tokens.user("patient-lu");
    assertEquals(
        201,
        ConsentApiIT.consent(patientToken, "me", ConsentApiIT.luConsent(ReleaseGateIT.ALL_NEEDED))
            .statusCode());
    String noConsent = ReleaseGateIT.patient("\"IBD\"", null);
    String consenting = ReleaseGateIT.patient("\"IBD\"", ReleaseGateIT.ALL_NEEDED);
    NodeClient node = ReleaseGateIT.node("node-lu");
    NodeClient.Outcome outcome =
        ReleaseGateIT.ask(node, grant, List.of("LU-0001", noConsent, consenting, "LU-NOSUCH02"));
    assertEquals(List.of(), outcome.failures());
    String releaseId = outcome.answer().releaseId();
    String compliance = Tokens.user("compliance");

    // The entry and the read side carry the same root; the subjects served recompute to it.
    JsonNode entry =
        Api.json(
                Api.get(
                    "/api/v1/audit/entries?start=" + outcome.answer().audit().index() + "&limit=1",
                    compliance))
            .at("/entries/0/entry/data");
    String root = entry.get("subjectsRoot").asText();
    assertEquals(44, root.length(), entry.toString());
    assertEquals(
        root,
        Api.json(Api.get("/api/v1/releases/" + releaseId, compliance))
            .get("subjectsRoot")
            .asText());
    JsonNode listing = Api.json(Api.get("/api/v1/releases/" + releaseId + "/subjects", compliance));
    assertEquals(root, listing.get("subjectsRoot").asText());
    List<SubjectLeaf> leaves = new ArrayList<>();
    listing
        .get("leaves")
        .forEach(
            leaf ->
                leaves.add(
                    SubjectLeaf.parse(
                        Optional.of(leaf.get("psn").asText()),
                        Base64.getDecoder().decode(leaf.get("leaf").asText()))));
    assertEquals(4, leaves.size());
    assertEquals(
        root, Base64.getEncoder().encodeToString(SubjectTree.ofServed(releaseId, leaves).root()));
    assertEquals(
        java.util.Set.of("LU-0001", consenting),
        java.util.Set.copyOf(
            leaves.stream().filter(SubjectLeaf::permitted).map(SubjectLeaf::psnOrThrow).toList()));
    assertEquals(
        403,
        Api.get("/api/v1/releases/" + releaseId + "/subjects", Tokens.node("node-lu")).statusCode(),
        "only compliance lists a release's subjects");

    // The patient's own proof: included and permitted, a download, verified offline.
    HttpResponse<String> proof =
        Api.get("/api/v1/patients/me/releases/" + releaseId + "/proof", patientToken);
    assertEquals(200, proof.statusCode(), proof.body());
    assertTrue(
        proof.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"),
        proof.headers().map().toString());
    assertTrue(Api.json(proof).get("included").asBoolean());
    Output verified = verifyProof(proof.body(), "LU-0001");
    assertEquals(0, verified.status(), verified.text());
    assertTrue(verified.text().contains("included LU-0001: permitted"), verified.text());
    // The same file does not prove anything about someone else.
    Output someoneElse = verifyProof(proof.body(), consenting);
    assertEquals(1, someoneElse.status(), someoneElse.text());

    // A release that did not include the patient: a proof of absence that verifies.
    NodeClient.Outcome other = ReleaseGateIT.ask(node, grant, List.of(consenting));
    HttpResponse<String> absent =
        Api.get(
            "/api/v1/patients/me/releases/" + other.answer().releaseId() + "/proof", patientToken);
    assertEquals(200, absent.statusCode(), absent.body());
    assertFalse(Api.json(absent).get("included").asBoolean());
    assertEquals(1, Api.json(absent).get("size").asInt());
    Output absence = verifyProof(absent.body(), "LU-0001");
    assertEquals(0, absence.status(), absence.text());
    assertTrue(absence.text().contains("did not include LU-0001"), absence.text());

    // Compliance may ask for anyone's proof, and that read is logged; another patient may not.
    long before = ReleaseGateIT.logSize();
    HttpResponse<String> denied =
        Api.get("/api/v1/patients/" + noConsent + "/releases/" + releaseId + "/proof", compliance);
    assertEquals(200, denied.statusCode(), denied.body());
    Output deniedProof = verifyProof(denied.body(), noConsent);
    assertEquals(0, deniedProof.status(), deniedProof.text());
    assertTrue(deniedProof.text().contains("denied (consent-missing)"), deniedProof.text());
    JsonNode reads =
        Api.json(Api.get("/api/v1/audit/entries?start=" + before + "&limit=20", compliance));
    assertTrue(
        reads.toString().contains("release-proof") && reads.toString().contains(noConsent),
        reads.toString());
    assertEquals(
        404,
        Api.get(
                "/api/v1/patients/" + consenting + "/releases/" + releaseId + "/proof",
                patientToken)
            .statusCode());
    assertEquals(
        404,
        Api.get("/api/v1/patients/me/releases/not-a-release/proof", patientToken).statusCode());
  }

  @Test
  void theComplianceReplayPassesTheLogAndReportsAForgedSubjectAndAMissingConsent()
      throws Exception {
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher2");
    String consenting = ReleaseGateIT.patient("\"IBD\"", ReleaseGateIT.ALL_NEEDED);
    String neverConsented = ReleaseGateIT.patient("\"IBD\"", null);
    NodeClient.Outcome outcome =
        ReleaseGateIT.ask(ReleaseGateIT.node("node-lu"), grant, List.of(consenting));
    assertEquals(List.of(consenting), outcome.releasable());
    String releaseId = outcome.answer().releaseId();
    // Logged before the release (the sequencer logs what committed before a durable entry first).
    long consentEntry = consentEntryOf(consenting);
    assertTrue(consentEntry < outcome.answer().audit().index());

    Output clean = replay();
    assertEquals(0, clean.status(), clean.text());
    assertTrue(clean.text().contains("COMPLIANT"), clean.text());

    // A database superuser adds a subject who never consented to the release's stored subjects.
    try (Forgery forgery = Forgery.addSubject(releaseId, neverConsented)) {
      Output forged = replay();
      assertEquals(1, forged.status(), forged.text());
      assertTrue(
          forged.text().contains(releaseId)
              && forged.text().contains("not those its entry commits to"),
          forged.text());
      assertTrue(
          forged.text().contains("permitted " + neverConsented + " without CLINICAL-DATA"),
          forged.text());
    }
    // The consent entry the release rested on is no longer a consent entry.
    try (AuditTampering.Edit edit =
        AuditTampering.editLeaf(
            consentEntry, leaf -> leaf.replace("\"consent.recorded\"", "\"consent.rewritten\""))) {
      assertTrue(new String(edit.original(), StandardCharsets.UTF_8).contains(consenting));
      Output missing = replay();
      assertEquals(1, missing.status(), missing.text());
      assertTrue(
          missing.text().contains("permitted " + consenting + " without CLINICAL-DATA"),
          missing.text());
      assertTrue(missing.text().contains("LOG FAILED"), "the log itself no longer verifies");
    }
    Output restored = replay();
    assertEquals(0, restored.status(), restored.text());
  }

  @Test
  void aDecisionTheLogTookWithoutItsRecordIsMarkedAbandonedAndTheReplayAcceptsIt()
      throws Exception {
    // The gate logged a decision, then the database went away before its record committed (a
    // failover, HighAvailabilityIT): here, as a superuser, such a decision logged an hour ago.
    String releaseId = java.util.UUID.randomUUID().toString();
    java.time.Instant hourAgo = java.time.Instant.now().minusSeconds(3600);
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO audit.pending_entry (occurred_at, action, actor_sub, actor_role,"
                    + " subject_type, subject_id, data)"
                    + " VALUES (?, 'release.decided', 'node-lu', 'node', 'release', ?, ?)")) {
      insert.setTimestamp(1, java.sql.Timestamp.from(hourAgo));
      insert.setString(2, releaseId);
      insert.setString(
          3,
          "{\"decidedAt\":\""
              + hourAgo
              + "\",\"decision\":\"permit\",\"modules\":[\"CLINICAL-DATA\"],\"permitted\":1,"
              + "\"requested\":1,\"subjectsRoot\":\""
              + Base64.getEncoder().encodeToString(new byte[32])
              + "\"}");
      insert.executeUpdate();
    }
    // The watch (every second in the system tests) marks it once no transaction can commit it.
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (!marked(releaseId) && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertTrue(marked(releaseId), "release.abandoned is logged for " + releaseId);
    Output replayed = replay();
    assertEquals(0, replayed.status(), replayed.text());
    assertTrue(
        replayed.text().contains("NO EFFECT at release entry")
            && replayed.text().contains(releaseId),
        replayed.text());
  }

  private static boolean marked(String releaseId) throws SQLException {
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT 1 FROM audit.entry WHERE action = 'release.abandoned'"
                    + " AND subject_type = 'release' AND subject_id = ?")) {
      query.setString(1, releaseId);
      try (java.sql.ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static long consentEntryOf(String psn) throws SQLException {
    try (Connection connection = SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT idx FROM audit.entry WHERE action = 'consent.recorded' AND subject_id = ?")) {
      query.setString(1, psn);
      try (java.sql.ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "the consent of " + psn + " is in the log");
        return row.getLong(1);
      }
    }
  }

  /** A subject added to a release's stored permitted subjects; taken out again when closed. */
  private record Forgery(String releaseId, String psn) implements AutoCloseable {

    static Forgery addSubject(String releaseId, String psn) throws SQLException {
      change(
          "UPDATE consent.disclosure SET psns = psns || ?::text WHERE release_id = ?::uuid",
          psn,
          releaseId);
      return new Forgery(releaseId, psn);
    }

    @Override
    public void close() throws SQLException {
      change(
          "UPDATE consent.disclosure SET psns = array_remove(psns, ?::text) WHERE release_id = ?::uuid",
          psn,
          releaseId);
    }

    private static void change(String sql, String psn, String releaseId) throws SQLException {
      try (Connection connection =
              SystemTestEnvironment.portalDatabaseAsSuperuser().getConnection();
          Statement triggers = connection.createStatement()) {
        triggers.execute("ALTER TABLE consent.disclosure DISABLE TRIGGER disclosure_append_only");
        try (PreparedStatement update = connection.prepareStatement(sql)) {
          update.setString(1, psn);
          update.setString(2, releaseId);
          assertEquals(1, update.executeUpdate());
        } finally {
          triggers.execute("ALTER TABLE consent.disclosure ENABLE TRIGGER disclosure_append_only");
        }
      }
    }
  }

  private record Output(int status, String text) {}

  private Output verifyProof(String proof, String psn) throws Exception {
    Path file = Files.createTempFile(work, "release-proof", ".json");
    Files.writeString(file, proof);
    return launch(
        VerifierLauncher::proof,
        "--key",
        Api.get("/api/v1/audit/verifier-key", null).body(),
        "--psn",
        psn,
        "--proof",
        file.toString());
  }

  private Output replay() throws Exception {
    Path token = work.resolve("compliance-token.txt");
    Files.writeString(token, Tokens.user("compliance"));
    return launch(
        VerifierLauncher::replay,
        "--api",
        SystemTestEnvironment.portalUrl() + "/api/v1",
        "--key",
        Api.get("/api/v1/audit/verifier-key", null).body(),
        "--token-file",
        token.toString());
  }

  private interface Command {
    int run(String[] args, PrintStream output) throws Exception;
  }

  private static Output launch(Command command, String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = command.run(args, print);
    return new Output(status, bytes.toString(StandardCharsets.UTF_8));
  }
}
