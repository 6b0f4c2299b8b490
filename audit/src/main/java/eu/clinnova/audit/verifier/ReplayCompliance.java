package eu.clinnova.audit.verifier;

import eu.clinnova.audit.compliance.ComplianceReplay;
import eu.clinnova.audit.compliance.ReplayFinding;
import eu.clinnova.audit.compliance.ReplayReport;
import eu.clinnova.audit.note.NoteVerifier;
import java.io.PrintStream;

/**
 * The compliance verifier: reads the whole log from the API once, verifies it as {@link VerifyLog}
 * does, and replays it ({@link ComplianceReplay}): every release checked against the consent
 * entries before it and against its committed subjects.
 *
 * <pre>
 * java -cp audit.jar eu.clinnova.audit.verifier.ReplayCompliance \
 *     --api http://localhost:8080/api/v1 --token-file token.txt \
 *     --key 'origin+1a2b3c4d+AX...' [--parallel 4]
 * </pre>
 *
 * Prints each violation with its entries; exits 0 if there is none and the log verifies, 1
 * otherwise, 2 on bad usage.
 */
public final class ReplayCompliance {

  private ReplayCompliance() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    CommandOptions options = CommandOptions.parse(args);
    if (!options.has("api", "key")) {
      err.println(
          "usage: ReplayCompliance --api <base URL of /api/v1> --key <verifier key>"
              + " [--token-file <file>] [--parallel <n>]");
      return 2;
    }
    options.token(); // read once before any request: a missing token file fails here
    HttpLogSource api = new HttpLogSource(options.get("api"), options.tokens());
    ComplianceReplay replay = new ComplianceReplay();
    long started = System.nanoTime();
    VerificationReport log =
        new LogVerifier(api, NoteVerifier.of(options.get("key")), 8, checked -> {}, replay::entry)
            .verify(null);
    ReplayReport report =
        replay.check(api, Integer.parseInt(options.getOrDefault("parallel", "4")));
    long millis = (System.nanoTime() - started) / 1_000_000;
    out.println("tree size:          " + log.treeSize());
    out.println("root hash:          " + log.rootHash());
    out.println("consent entries:    " + report.consentEntries());
    out.println("release entries:    " + report.releaseEntries());
    out.println("subjects checked:   " + report.subjectsChecked());
    out.println("replayed in:        " + millis + " ms");
    for (ReplayFinding finding : report.findings()) {
      (finding.violation() ? err : out).println(finding);
    }
    log.problems().forEach(problem -> err.println("LOG FAILED: " + problem));
    if (!log.passed() || !report.passed()) {
      err.println(report.violations().size() + " violation(s)");
      return 1;
    }
    out.println("COMPLIANT");
    return 0;
  }
}
