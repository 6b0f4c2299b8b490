package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The release gate's benchmark (issue 6; not part of the test suite: {@code ./mvnw -pl deployment
 * -Pbench verify}, after an install). It generates a registry of 1,000,000 patients over the four
 * jurisdictions and three cohorts with consent histories, approves an application per node through
 * the real review, then measures in one run: the raw SQL read of the consent rows of 10,000
 * subjects, the gate's answer for 10,000 subjects over HTTP, and single-subject decisions per
 * second with concurrent nodes. Figures go to standard output and {@code
 * target/bench/release-gate.txt}; nothing here asserts a time.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ReleaseGateBenchmark {

  static final int PATIENTS = Integer.getInteger("bench.patients", 1_000_000);
  static final int SUBJECTS = Integer.getInteger("bench.subjects", 10_000);
  // 100 measured rounds: a p95 of 40 rounds is their second slowest, one hiccup of the machine.
  static final int ROUNDS = Integer.getInteger("bench.rounds", 100);
  static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  static final int THREADS = Integer.getInteger("bench.threads", 8);
  // About 20 s of large requests: the server's first concurrent collection after its boot (a
  // marking cycle, then mixed collections: pauses of 30 to 100 ms in the GC log, once) falls in
  // the first 5 to 15 s of load, and a gate that has been running for a while is past it.
  static final int WARMUP = Integer.getInteger("bench.warmup", 60);
  static final String[] JURISDICTIONS = {"LU", "FR", "DE", "CH"};

  static {
    // HttpURLConnection keeps 5 idle connections per server by default: one per client thread.
    System.setProperty("http.maxConnections", String.valueOf(Math.max(5, THREADS * 2)));
  }

  private final List<String> report = new ArrayList<>();
  private final Random random = new Random(42);

  @Test
  void releaseGate() throws Exception {
    DataSource database = SystemTestEnvironment.portalDatabaseAsSuperuser();
    long started = System.nanoTime();
    generate(database);
    line(
        "generated %,d patients and %,d consent records in %.1f s",
        count(database, "consent.patient"),
        count(database, "consent.record"),
        (System.nanoTime() - started) / 1e9);
    ReleaseGateIT.Grant grant = ReleaseGateIT.grant("researcher");
    for (String other : new String[] {"fr-ra-registry", "de-ms-cohort", "ch-ibd-general"}) {
      String code = other.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
      String reference =
          switch (code) {
            case "FR" -> "DR-2024-001";
            case "DE" -> "F-2024-001";
            default -> "2024-00226";
          };
      ApplicationApiIT.approvedNotAccepted(Tokens.user("researcher2"), other, code, reference);
    }
    String node = Tokens.node("node-lu");

    List<Long> raw = new ArrayList<>();
    List<Long> gate = new ArrayList<>();
    long permitted = 0;
    // As the node client asks: HTTP/1.1.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int round = -WARMUP; round < ROUNDS; round++) {
      List<String> sample = sample(SUBJECTS);
      long t0 = System.nanoTime();
      int rows = rawRead(database, sample);
      long t1 = System.nanoTime();
      HttpResponse<String> answer = http.send(request(node, grant, sample), ofString());
      long t2 = System.nanoTime();
      assertEquals(200, answer.statusCode(), answer.body());
      if (round >= 0) {
        raw.add(t1 - t0);
        gate.add(t2 - t1);
        permitted += Api.json(answer).get("permitted").size();
      }
      if (round == 0) {
        line("raw read of %,d subjects: %,d consent rows", SUBJECTS, rows);
      }
    }
    line("10,000 subjects, %d rounds after %d warm-up, one node:", ROUNDS, WARMUP);
    line("  each round, raw / gate ms: %s", rounds(raw, gate));
    line("  raw SQL read of the consent rows: %s", stats(raw));
    line("  gate, HTTP included:              %s", stats(gate));
    line(
        "  gate p95 / raw p95 = %.2f; %.0f%% of subjects permitted",
        percentile(gate, 95) / (double) percentile(raw, 95),
        100.0 * permitted / (ROUNDS * (double) SUBJECTS));
    line(
        "  rounds under 150 ms: gate %d of %d, raw read %d of %d",
        under(gate, 150), ROUNDS, under(raw, 150), ROUNDS);
    // The load generator shares the machine's two cores with the server, the database and
    // Keycloak (a node asks from its own machine): measured with two clients, the JDK's
    // asynchronous HttpClient and the blocking HttpURLConnection, each with its own CPU per
    // decision.
    singleSubjects(
        "JDK HttpClient",
        psn -> {
          HttpResponse<String> answer = http.send(request(node, grant, List.of(psn)), ofString());
          return answer.statusCode() == 200 ? null : answer.body();
        });
    singleSubjects("HttpURLConnection", psn -> blockingRequest(node, body(grant, List.of(psn))));
    Path out = Path.of("target", "bench", "release-gate.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  /** Asks for one subject's release; the answer's body if it is not 200, else null. */
  interface Sender {
    String send(String psn) throws Exception;
  }

  private void singleSubjects(String client, Sender sender) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong decisions = new AtomicLong();
    AtomicLong cpuAtStart = new AtomicLong(-1);
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    for (int t = 0; t < THREADS; t++) {
      Random own = new Random(t);
      workers.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  String psn = psn("LU", 4 * (1 + own.nextInt(PATIENTS / 4)) - 4);
                  long t0 = System.nanoTime();
                  String refused = sender.send(psn);
                  long t1 = System.nanoTime();
                  if (refused != null) {
                    throw new IllegalStateException(refused);
                  }
                  if (t0 > warmUpEnds) {
                    cpuAtStart.compareAndSet(-1, processCpuNanos());
                    decisions.incrementAndGet();
                    latencies.add(t1 - t0);
                  }
                }
                return null;
              }));
    }
    Thread.sleep(3_000 + SECONDS * 1_000L);
    running.set(false);
    long cpu = processCpuNanos() - cpuAtStart.get();
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    line(
        "single-subject decisions, %d concurrent nodes' requests (%s), %d s after 3 s warm-up:",
        THREADS, client, SECONDS);
    line("  %.0f decisions/s; latency %s", decisions.get() / (double) SECONDS, stats(latencies));
    line(
        "  the load generator's own CPU: %.2f ms per decision (%.0f%% of one core)",
        cpu / 1e6 / Math.max(1, decisions.get()), cpu / 1e7 / SECONDS);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** A blocking request on a kept-alive connection (the JDK keeps up to http.maxConnections). */
  static String blockingRequest(String node, String body) throws java.io.IOException {
    java.net.HttpURLConnection connection =
        (java.net.HttpURLConnection) Api.uri("/api/v1/releases").toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Authorization", "Bearer " + node);
    connection.setRequestProperty("Content-Type", "application/json");
    try (java.io.OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    try (java.io.InputStream in =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      byte[] answer = in.readAllBytes(); // read to the end, so the connection is kept
      return status == 200 ? null : new String(answer, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  static HttpRequest request(String node, ReleaseGateIT.Grant grant, List<String> subjects) {
    return HttpRequest.newBuilder(Api.uri("/api/v1/releases"))
        .header("Authorization", "Bearer " + node)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(grant, subjects)))
        .build();
  }

  static String body(ReleaseGateIT.Grant grant, List<String> subjects) {
    StringBuilder body =
        new StringBuilder("{\"applicationId\":\"")
            .append(grant.applicationId())
            .append("\",\"datasetId\":\"")
            .append(ReleaseGateIT.DATASET)
            .append("\",\"recipient\":\"")
            .append(grant.recipient())
            .append("\",\"subjects\":[");
    for (int i = 0; i < subjects.size(); i++) {
      body.append(i == 0 ? "\"" : ",\"").append(subjects.get(i)).append('"');
    }
    body.append("]}");
    return body.toString();
  }

  /** Distinct LU pseudonyms (patients 0, 4, 8, ... are LU), drawn at random. */
  private List<String> sample(int size) {
    java.util.Set<Integer> drawn = new java.util.LinkedHashSet<>();
    while (drawn.size() < size) {
      drawn.add(random.nextInt(PATIENTS / 4) * 4);
    }
    return drawn.stream().map(g -> psn("LU", g)).toList();
  }

  static String psn(String jurisdiction, int g) {
    return jurisdiction + "-B" + String.format("%07d", g);
  }

  /**
   * What the gate reads, as plain SQL: the subjects' rows of {@code consent.patient_state}
   * (jurisdiction, cohorts and every consent record), in one query, without deciding anything.
   */
  static int rawRead(DataSource database, List<String> psns) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT psn, jurisdiction, site, cohorts, minor, adult_on, records"
                    + " FROM consent.patient_state WHERE psn = ANY (?) AND jurisdiction = 'LU'")) {
      query.setArray(1, connection.createArrayOf("text", psns.toArray()));
      int rows = 0;
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          row.getString(1);
          row.getArray(4);
          String records = row.getString(7);
          rows += records.isEmpty() ? 0 : records.split(";", -1).length;
        }
      }
      return rows;
    }
  }

  /**
   * 1,000,000 patients (patient g is in jurisdiction g mod 4; cohorts IBD, RA, MS, IBD+RA, IBD+MS
   * in turn), each with a consent on their jurisdiction's form: 85% permit every module, 15% keep
   * CROSS-BORDER and COMMERCIAL denied; then 10% withdraw, and half of those consent again.
   */
  static void generate(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement sql = connection.createStatement()) {
      connection.setAutoCommit(false);
      sql.execute("SET LOCAL synchronous_commit = off");
      // A bulk load: the per-row triggers that keep consent.patient_state are off, and the
      // projection is built at the end by the same statement as the V5 migration's backfill.
      sql.execute("ALTER TABLE consent.patient DISABLE TRIGGER patient_state_enrolled");
      sql.execute("ALTER TABLE consent.record DISABLE TRIGGER patient_state_recorded");
      sql.execute(
          "CREATE TEMP TABLE bench_form ON COMMIT DROP AS SELECT DISTINCT ON (jurisdiction)"
              + " jurisdiction, id, version FROM consent.form ORDER BY jurisdiction, id, version"
              + " DESC");
      sql.execute(
          "INSERT INTO consent.patient (psn, jurisdiction, site, cohorts, minor, enrolled_at,"
              + " enrolled_by) SELECT j || '-B' || lpad(g::text, 7, '0'), j, 'BENCH', c, false,"
              + " now() - interval '400 days', 'bench' FROM generate_series(0, "
              + (PATIENTS - 1)
              + ") g, LATERAL (SELECT (ARRAY['LU','FR','DE','CH'])[1 + g % 4] AS j,"
              + " CASE (g / 4) % 5 WHEN 0 THEN '{IBD}'::text[] WHEN 1 THEN '{RA}'::text[]"
              + " WHEN 2 THEN '{MS}'::text[] WHEN 3 THEN '{IBD,RA}'::text[]"
              + " ELSE '{IBD,MS}'::text[] END AS c) x");
      String all =
          "{\"CLINICAL-DATA\":\"permit\",\"BROAD-HEALTH\":\"permit\",\"SAMPLES\":\"permit\","
              + "\"GENETIC\":\"permit\",\"AI-TRAINING\":\"permit\",\"CROSS-BORDER\":\"permit\","
              + "\"COMMERCIAL\":\"permit\",\"RECONTACT\":\"permit\",\"FINDINGS\":\"deny\"}";
      String local =
          "{\"CLINICAL-DATA\":\"permit\",\"BROAD-HEALTH\":\"permit\",\"SAMPLES\":\"deny\","
              + "\"GENETIC\":\"deny\",\"AI-TRAINING\":\"permit\",\"CROSS-BORDER\":\"deny\","
              + "\"COMMERCIAL\":\"deny\",\"RECONTACT\":\"deny\",\"FINDINGS\":\"deny\"}";
      String hash = "'" + "ab".repeat(32) + "'";
      sql.execute(
          "INSERT INTO consent.record (id, psn, kind, form_id, form_version, language,"
              + " text_sha256, decisions, withdrawn, valid_until, signer_kind, recorded_by,"
              + " recorder_role, recorded_at) SELECT gen_random_uuid(), p.psn, 'consent', f.id,"
              + " f.version, 'en', "
              + hash
              + ", CASE WHEN hashtext(p.psn) % 100 < 85 AND hashtext(p.psn) % 100 > -85 THEN '"
              + all
              + "'::jsonb ELSE '"
              + local
              + "'::jsonb END, '{}', '{}', 'self', 'bench', 'patient', now() - interval '300 days'"
              + " FROM consent.patient p JOIN bench_form f USING (jurisdiction)"
              + " WHERE p.enrolled_by = 'bench'");
      sql.execute(
          "INSERT INTO consent.record (id, psn, kind, decisions, withdrawn, valid_until,"
              + " signer_kind, recorded_by, recorder_role, recorded_at) SELECT gen_random_uuid(),"
              + " psn, 'withdrawal', '{}', '{}', '{}', 'self', 'bench', 'patient',"
              + " now() - interval '100 days' FROM consent.patient WHERE enrolled_by = 'bench'"
              + " AND abs(hashtext(psn || 'w')) % 10 = 0");
      sql.execute(
          "INSERT INTO consent.record (id, psn, kind, form_id, form_version, language,"
              + " text_sha256, decisions, withdrawn, valid_until, signer_kind, recorded_by,"
              + " recorder_role, recorded_at) SELECT gen_random_uuid(), p.psn, 'consent', f.id,"
              + " f.version, 'en', "
              + hash
              + ", '"
              + all
              + "'::jsonb, '{}', '{}', 'self', 'bench', 'patient', now() - interval '10 days'"
              + " FROM consent.patient p JOIN bench_form f USING (jurisdiction)"
              + " WHERE p.enrolled_by = 'bench' AND abs(hashtext(p.psn || 'w')) % 20 = 0");
      sql.execute(
          "INSERT INTO consent.patient_state (psn, jurisdiction, site, cohorts, minor, adult_on,"
              + " records) SELECT p.psn, p.jurisdiction, p.site, p.cohorts, p.minor, p.adult_on,"
              + " COALESCE(b.records, '') FROM consent.patient p LEFT JOIN (SELECT r.psn,"
              + " string_agg(consent.record_brief(r), ';' ORDER BY r.seq) AS records FROM"
              + " consent.record r WHERE r.recorded_by = 'bench' GROUP BY r.psn) b"
              + " ON b.psn = p.psn WHERE p.enrolled_by = 'bench'");
      sql.execute("ALTER TABLE consent.patient ENABLE TRIGGER patient_state_enrolled");
      sql.execute("ALTER TABLE consent.record ENABLE TRIGGER patient_state_recorded");
      connection.commit();
      connection.setAutoCommit(true);
      sql.execute("VACUUM ANALYZE consent.patient");
      sql.execute("VACUUM ANALYZE consent.record");
      sql.execute("VACUUM ANALYZE consent.patient_state");
      // The steady state a running gate is in: the projection in the buffers (as after a day of
      // requests) and the bulk load's dirty pages flushed before anything is measured.
      sql.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
      sql.execute(
          "SELECT pg_prewarm('consent.patient_state'), pg_prewarm('consent.patient_state_pkey')");
      sql.execute("CHECKPOINT");
    }
  }

  static long count(DataSource database, String table) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT count(*) FROM " + table)) {
      row.next();
      return row.getLong(1);
    }
  }

  static String rounds(List<Long> raw, List<Long> gate) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < raw.size(); i++) {
      text.append(i == 0 ? "" : ", ")
          .append(Math.round(raw.get(i) / 1e6))
          .append('/')
          .append(Math.round(gate.get(i) / 1e6));
    }
    return text.toString();
  }

  static long under(List<Long> nanos, long millis) {
    return nanos.stream().filter(n -> n < millis * 1_000_000L).count();
  }

  static long percentile(List<Long> nanos, int p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static String stats(List<Long> nanos) {
    synchronized (nanos) {
      return String.format(
          "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
          percentile(nanos, 50) / 1e6,
          percentile(nanos, 95) / 1e6,
          percentile(nanos, 99) / 1e6,
          Arrays.stream(nanos.toArray(new Long[0])).mapToLong(Long::longValue).max().orElse(0)
              / 1e6,
          nanos.size());
    }
  }

  private void line(String format, Object... arguments) {
    String text = String.format(format, arguments);
    System.out.println("[bench] " + text);
    report.add(text);
  }
}
