package eu.clinnova.audit.verifier;

import java.io.PrintStream;

/** Runs the command-line verifier in-process, as a person would from a shell. */
public final class VerifierLauncher {

  private VerifierLauncher() {}

  public static int run(String[] args, PrintStream output) throws Exception {
    return VerifyLog.run(args, output, output);
  }
}
