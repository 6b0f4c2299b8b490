package eu.clinnova.audit.verifier;

import java.io.PrintStream;

/** Runs the command-line verifiers in-process, as a person would from a shell. */
public final class VerifierLauncher {

  private VerifierLauncher() {}

  public static int run(String[] args, PrintStream output) throws Exception {
    return VerifyLog.run(args, output, output);
  }

  /** {@link VerifyReleaseProof}: a patient's release proof checked offline. */
  public static int proof(String[] args, PrintStream output) throws Exception {
    return VerifyReleaseProof.run(args, output, output);
  }

  /** {@link ReplayCompliance}: the whole log replayed for compliance. */
  public static int replay(String[] args, PrintStream output) throws Exception {
    return ReplayCompliance.run(args, output, output);
  }
}
