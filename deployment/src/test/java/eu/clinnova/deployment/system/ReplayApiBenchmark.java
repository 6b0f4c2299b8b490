package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.audit.compliance.CompliantLog;
import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.verifier.VerifierLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * The compliance replay as a compliance officer runs it, over the running portal's API, on a log of
 * a million entries (issue 17: ≤ 30 s). Not part of the test suite: {@code ./mvnw -pl deployment
 * -Pbench verify -Dit.test=ReplayApiBenchmark}, after an install.
 *
 * <p>The log is the audit benchmark's {@link CompliantLog} (200,000 patients, every thousandth
 * entry a release of 500 subjects). Its entries are committed as any transaction of the portal
 * commits them, into the pending entries, and the portal's own sequencer logs them with its key;
 * each release's stored subjects (the release row, its denials, the disclosure) are then written as
 * the gate writes them, with the entry's index. The command then reads the whole log through {@code
 * GET /audit/entries} and every release's subjects through {@code GET /releases/{id}/subjects},
 * verifies and replays it. Figures go to standard output and {@code target/bench/replay-api.txt};
 * nothing here asserts a time, but the replay must pass.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ReplayApiBenchmark {

  static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
  static final int PATIENTS = Integer.getInteger("bench.patients", 200_000);
  static final int CHUNK = 50_000;

  private final List<String> report = new ArrayList<>();

  @Test
  void replayOverTheApi() throws Exception {
    DataSource database = SystemTestEnvironment.portalDatabaseAsSuperuser();
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher");
    long before = treeSize(database);
    CompliantLog log = new CompliantLog(PATIENTS, 1000, 500);

    long started = System.nanoTime();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      for (long done = 0; done < ENTRIES; done += CHUNK) {
        StringBuilder rows = new StringBuilder();
        for (long n = done; n < Math.min(ENTRIES, done + CHUNK); n++) {
          pendingRow(rows, Instant.now(), log.event(n));
        }
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "COPY audit.pending_entry (occurred_at, action, actor_sub, actor_role,"
                    + " subject_type, subject_id, data) FROM STDIN",
                new StringReader(rows.toString()));
        connection.commit();
      }
    }
    long committed = System.nanoTime();
    // The portal's sequencer takes committed pending entries at its next scan (a quarter of a
    // second at most) and, finding a full batch, goes on until none is left.
    while (pendingEntries(database) > 0) {
      Thread.sleep(200);
    }
    long logged = System.nanoTime();
    line(
        "%,d entries (%,d consent, %,d releases of 500 subjects) committed as pending in %.1f s;"
            + " the portal's sequencer had logged them %.1f s later (%,.0f entries/s overall)",
        ENTRIES,
        log.consents(),
        log.releases().size(),
        (committed - started) / 1e9,
        (logged - committed) / 1e9,
        ENTRIES / ((logged - started) / 1e9));
    storeReleases(database, log, grant);
    line("the portal's log: %,d entries before, %,d after", before, treeSize(database));

    breakdown(log);
    Path work = Files.createTempDirectory("replay-bench");
    Path token = work.resolve("compliance-token.txt");
    Files.writeString(token, Tokens.user("compliance"));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    long replayStarted = System.nanoTime();
    int status =
        VerifierLauncher.replay(
            new String[] {
              "--api",
              SystemTestEnvironment.portalUrl() + "/api/v1",
              "--key",
              Api.get("/api/v1/audit/verifier-key", null).body(),
              "--token-file",
              token.toString()
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));
    long replayed = System.nanoTime();
    String text = output.toString(StandardCharsets.UTF_8);
    text.lines().limit(40).forEach(l -> line("  %s", l));
    line(
        "ReplayCompliance over the API: %.1f s from start to its verdict (exit %d)",
        (replayed - replayStarted) / 1e9, status);
    assertEquals(0, status, text);
    assertTrue(
        text.contains("release entries:    " + log.releases().size()),
        "every release was replayed: " + text);
    Path out = Path.of("target", "bench", "replay-api.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  /**
   * Where the command's time goes: the log's pages as the server serves them (bodies read, not
   * parsed), the same pages read by the command's source (parsed into entries), and the releases'
   * subjects (four at a time, as the command reads them).
   */
  private void breakdown(CompliantLog log) throws Exception {
    // A token per phase: the realm's access tokens live five minutes.
    String token = Tokens.user("compliance");
    String api = SystemTestEnvironment.portalUrl() + "/api/v1";
    HttpClient http = HttpClient.newHttpClient();
    long size = treeSizeOfCheckpoint();
    long t0 = System.nanoTime();
    long bytes = 0;
    for (long start = 0; start < size; start += 1000) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(api + "/audit/entries?start=" + start + "&limit=1000"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      bytes += page.body().length();
    }
    long t1 = System.nanoTime();
    eu.clinnova.audit.verifier.HttpLogSource source =
        new eu.clinnova.audit.verifier.HttpLogSource(api, Tokens.user("compliance"));
    for (long start = 0; start < size; start += 1000) {
      source.entries(start, 1000);
    }
    long t2 = System.nanoTime();
    eu.clinnova.audit.verifier.HttpLogSource subjects =
        new eu.clinnova.audit.verifier.HttpLogSource(api, Tokens.user("compliance"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> reads = new ArrayList<>();
    for (String id : log.releases().keySet()) {
      reads.add(pool.submit(() -> subjects.subjects(id)));
    }
    for (Future<?> read : reads) {
      read.get();
    }
    pool.shutdown();
    long t3 = System.nanoTime();
    line("breakdown:");
    line(
        "  GET /audit/entries, %,d pages of 1,000 read as text: %.1f s (%,d MB)",
        (size + 999) / 1000, (t1 - t0) / 1e9, bytes / 1_000_000);
    line("  the same pages read and parsed by HttpLogSource: %.1f s", (t2 - t1) / 1e9);
    line(
        "  GET /releases/{id}/subjects for %,d releases, four at a time: %.1f s",
        log.releases().size(), (t3 - t2) / 1e9);
  }

  private static long treeSizeOfCheckpoint() {
    String checkpoint = Api.get("/api/v1/audit/checkpoint", null).body();
    return Long.parseLong(checkpoint.lines().skip(1).findFirst().orElseThrow());
  }

  /** One row of {@code audit.pending_entry} in COPY's text format. */
  private static void pendingRow(StringBuilder rows, Instant time, AuditEvent event) {
    rows.append(time)
        .append('\t')
        .append(event.action())
        .append('\t')
        .append(event.actor().sub())
        .append('\t')
        .append(event.actor().role())
        .append('\t')
        .append(event.subject().type())
        .append('\t')
        .append(event.subject().id())
        .append('\t')
        // COPY's text format reads a backslash as an escape; canonical JSON has no tab or newline.
        .append(CanonicalJson.string(event.data()).replace("\\", "\\\\"))
        .append('\n');
  }

  /**
   * What the gate stores with each decision, in the transaction that read its snapshot: the release
   * row (with the entry's index and the subject tree's root), the denied subjects by reason and the
   * permitted ones' disclosure.
   */
  private void storeReleases(DataSource database, CompliantLog log, ReleaseGateIT.Grant grant)
      throws Exception {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      Map<String, Long> indexes = new HashMap<>();
      try (Statement query = connection.createStatement();
          ResultSet rows =
              query.executeQuery(
                  "SELECT subject_id, idx FROM audit.entry WHERE action = 'release.decided'"
                      + " AND actor_sub = 'node-lu'")) {
        while (rows.next()) {
          indexes.put(rows.getString(1), rows.getLong(2));
        }
      }
      try (PreparedStatement release =
              connection.prepareStatement(
                  "INSERT INTO workflow.release (id, node, application_id, dataset_id,"
                      + " jurisdiction, recipient, decision, reasons, modules, requested,"
                      + " permitted, denials, requested_sha256, permitted_sha256, decided_at,"
                      + " audit_index, subjects_root) VALUES (?, 'node-lu', ?, ?, 'LU', ?, ?,"
                      + " '{}', ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)");
          PreparedStatement denial =
              connection.prepareStatement(
                  "INSERT INTO workflow.release_denial (release_id, reason, psns)"
                      + " VALUES (?, ?, ?)");
          PreparedStatement disclosure =
              connection.prepareStatement(
                  "INSERT INTO consent.disclosure (release_id, application_id, project_title,"
                      + " dataset_id, node, decided_at, audit_index, psns)"
                      + " VALUES (?, ?, 'Replay benchmark', ?, 'node-lu', ?, ?, ?)")) {
        for (CompliantLog.Release stored : log.releases().values()) {
          UUID id = UUID.fromString(stored.id());
          Long index = indexes.get(stored.id());
          assertTrue(index != null, "release " + stored.id() + " was logged");
          int requested = stored.permitted().size() + stored.denied().size();
          release.setObject(1, id);
          release.setObject(2, UUID.fromString(grant.applicationId()));
          release.setString(3, ReleaseGateIT.DATASET);
          release.setString(4, grant.recipient());
          release.setString(
              5,
              stored.denied().isEmpty()
                  ? "permit"
                  : stored.permitted().isEmpty() ? "deny" : "partial");
          release.setArray(6, connection.createArrayOf("text", CompliantLog.MODULES.toArray()));
          release.setInt(7, requested);
          release.setInt(8, stored.permitted().size());
          release.setString(
              9,
              stored.denied().isEmpty()
                  ? "{}"
                  : "{\""
                      + CompliantLog.Release.DENIAL_REASON
                      + "\":"
                      + stored.denied().size()
                      + "}");
          List<String> all = new ArrayList<>(stored.permitted());
          all.addAll(stored.denied());
          release.setString(10, sha256(all));
          release.setString(11, sha256(stored.permitted()));
          release.setTimestamp(12, Timestamp.from(stored.decidedAt()));
          release.setLong(13, index);
          release.setString(14, stored.root());
          release.addBatch();
          if (!stored.denied().isEmpty()) {
            denial.setObject(1, id);
            denial.setString(2, CompliantLog.Release.DENIAL_REASON);
            denial.setArray(3, connection.createArrayOf("text", stored.denied().toArray()));
            denial.addBatch();
          }
          if (!stored.permitted().isEmpty()) {
            disclosure.setObject(1, id);
            disclosure.setString(2, grant.applicationId());
            disclosure.setString(3, ReleaseGateIT.DATASET);
            disclosure.setTimestamp(4, Timestamp.from(stored.decidedAt()));
            disclosure.setLong(5, index);
            disclosure.setArray(6, connection.createArrayOf("text", stored.permitted().toArray()));
            disclosure.addBatch();
          }
        }
        release.executeBatch();
        denial.executeBatch();
        disclosure.executeBatch();
      }
      connection.commit();
    }
  }

  /** As the gate digests a list of pseudonyms: sorted, joined by newlines, SHA-256, base64. */
  private static String sha256(List<String> psns) throws Exception {
    String joined = String.join("\n", new TreeSet<>(psns));
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
  }

  private static long treeSize(DataSource database) throws Exception {
    return single(database, "SELECT count(*) FROM audit.entry");
  }

  private static long pendingEntries(DataSource database) throws Exception {
    return single(database, "SELECT count(*) FROM audit.pending_entry");
  }

  private static long single(DataSource database, String sql) throws Exception {
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet row = query.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private void line(String format, Object... arguments) {
    String text = String.format(format, arguments);
    System.out.println("[bench] " + text);
    report.add(text);
  }
}
