package eu.clinnova.audit.verifier;

import eu.clinnova.audit.note.NoteVerifier;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command-line verifier, runnable with the audit jar alone:
 *
 * <pre>
 * java -cp audit.jar eu.clinnova.audit.verifier.VerifyLog \
 *     --api http://localhost:8080/api/v1 --token-file token.txt \
 *     --key 'origin+1a2b3c4d+AX...' [--state saved-checkpoint.txt] [--samples 32]
 * </pre>
 *
 * With {@code --state}, the file's checkpoint (if any) is checked for consistency and the newly
 * verified checkpoint is written back. Exit status: 0 verified, 1 the log does not verify, 2 wrong
 * usage.
 */
public final class VerifyLog {

  private VerifyLog() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    CommandOptions options = CommandOptions.parse(args);
    if (!options.has("api", "key")) {
      err.println(
          "usage: VerifyLog --api <base URL of /api/v1> --key <verifier key>"
              + " [--token-file <file>] [--state <file>] [--samples <n>]");
      return 2;
    }
    options.token(); // read once before any request: a missing token file fails here
    Path state = options.get("state") != null ? Path.of(options.get("state")) : null;
    String saved =
        state != null && Files.exists(state)
            ? Files.readString(state, StandardCharsets.UTF_8)
            : null;
    LogVerifier verifier =
        new LogVerifier(
            new HttpLogSource(options.get("api"), options.tokens()),
            NoteVerifier.of(options.get("key")),
            Integer.parseInt(options.getOrDefault("samples", "32")),
            checked -> {});
    VerificationReport report = verifier.verify(saved);
    out.println("tree size:         " + report.treeSize());
    out.println("root hash:         " + report.rootHash());
    out.println("entries re-hashed: " + report.entriesChecked());
    out.println("inclusion proofs:  " + report.inclusionProofsChecked());
    out.println(
        "consistency:       "
            + (report.consistencyChecked()
                ? "checked against the saved checkpoint"
                : "no saved checkpoint"));
    if (!report.passed()) {
      report.problems().forEach(problem -> err.println("FAILED: " + problem));
      return 1;
    }
    if (state != null) {
      Files.writeString(state, report.checkpoint(), StandardCharsets.UTF_8);
    }
    out.println("VERIFIED");
    return 0;
  }
}
