package eu.clinnova.audit.verifier;

import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.audit.subjects.ReleaseProof;
import eu.clinnova.audit.subjects.ReleaseProofCheck;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a patient's release proof (the file "who used my data" offers, or {@code GET
 * /patients/{psn}/releases/{releaseId}/proof}) against the log's verifier key, offline:
 *
 * <pre>
 * java -cp audit.jar eu.clinnova.audit.verifier.VerifyReleaseProof \
 *     --key 'origin+1a2b3c4d+AX...' --psn LU-0001 --proof release-proof.json
 * </pre>
 *
 * Prints what the proof shows and exits 0 if it holds, 1 if it does not, 2 on bad usage.
 */
public final class VerifyReleaseProof {

  private VerifyReleaseProof() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    CommandOptions options = CommandOptions.parse(args);
    if (!options.has("key", "psn", "proof")) {
      err.println(
          "usage: VerifyReleaseProof --key <verifier key> --psn <pseudonym> --proof <file>");
      return 2;
    }
    ReleaseProof proof;
    try {
      proof =
          ReleaseProof.parse(
              Files.readString(Path.of(options.get("proof")), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      err.println("FAILED: " + e.getMessage());
      return 1;
    }
    ReleaseProofCheck.Finding finding =
        ReleaseProofCheck.check(proof, options.get("psn"), NoteVerifier.of(options.get("key")));
    if (!finding.holds()) {
      err.println("FAILED: " + finding.statement());
      return 1;
    }
    out.println(finding.statement());
    out.println(
        "log entry "
            + proof.audit().index()
            + " in the signed tree of size "
            + finding.checkpoint().orElseThrow().size());
    out.println("VERIFIED");
    return 0;
  }
}
