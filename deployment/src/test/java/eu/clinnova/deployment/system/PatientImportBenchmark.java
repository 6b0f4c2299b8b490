package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bulk enrolment's benchmark (issue 19; not part of the test suite: {@code ./mvnw -pl
 * deployment -Pbench verify -Dit.test=PatientImportBenchmark}, after an install). A steward uploads
 * a CSV of 100,000 patients ({@code -Dbench.rows}); measured: the upload's answer, the job until it
 * is done (every patient enrolled with its audit entry committed), until the audit log has
 * sequenced every entry, and a second run of the same file (nobody enrolled twice). Figures go to
 * standard output and {@code target/bench/patient-import.txt}; nothing here asserts a time.
 */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class PatientImportBenchmark {

  static final int ROWS = Integer.getInteger("bench.rows", 100_000);

  @Test
  void aHundredThousandRows() throws IOException {
    StringBuilder csv = new StringBuilder(ROWS * 40).append(PatientImportIT.HEADER).append('\n');
    String[] cohorts = {"IBD", "RA", "MS", "IBD;RA"};
    for (int i = 0; i < ROWS; i++) {
      csv.append(String.format("CH-B%07d,USB,%s,%s%n", i, cohorts[i % 4], i % 50 == 0));
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    StringBuilder report = new StringBuilder();
    report.append(String.format("file: %,d rows, %,d bytes%n", ROWS, file.length));

    long logBefore = treeSize();
    Run first = run(file);
    while (treeSize() < logBefore + ROWS + 2) {
      sleep();
    }
    double loggedSeconds = (System.nanoTime() - first.startedAt) / 1e9;
    assertEquals(ROWS, first.job.get("enrolled").asInt(), first.job.toString());
    report.append(
        String.format(
            "first run: answered in %.2f s, job done in %.1f s (%,.0f rows/s), every entry in"
                + " the log after %.1f s (%.1f s after the job)%n",
            first.answeredSeconds,
            first.doneSeconds,
            ROWS / first.doneSeconds,
            loggedSeconds,
            loggedSeconds - first.doneSeconds));
    Run second = run(file);
    assertEquals(ROWS, second.job.get("alreadyEnrolled").asInt(), second.job.toString());
    report.append(
        String.format(
            "second run of the same file: job done in %.1f s, enrolled %d%n",
            second.doneSeconds, second.job.get("enrolled").asInt()));
    System.out.print(report);
    Path out = Path.of("target", "bench", "patient-import.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
  }

  private record Run(JsonNode job, double answeredSeconds, double doneSeconds, long startedAt) {}

  private static Run run(byte[] file) {
    String token = Tokens.user("steward-ch");
    long start = System.nanoTime();
    HttpResponse<String> started = PatientImportIT.importFile(token, "text/csv", file);
    double answered = (System.nanoTime() - start) / 1e9;
    assertEquals(202, started.statusCode(), started.body());
    String jobId = Api.json(started).get("jobId").asText();
    JsonNode job;
    do {
      sleep();
      job = Api.json(Api.get("/api/v1/jobs/" + jobId, Tokens.user("steward-ch")));
    } while (!job.get("state").asText().equals("done")
        && !job.get("state").asText().equals("failed"));
    return new Run(job, answered, (System.nanoTime() - start) / 1e9, start);
  }

  private static long treeSize() {
    String checkpoint = Api.get("/api/v1/audit/checkpoint", null).body();
    return Long.parseLong(checkpoint.split("\n")[1]);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
