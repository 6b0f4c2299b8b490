package eu.clinnova.workflow.application;

import eu.clinnova.kernel.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The data access agreement an applicant accepts before any entitlement starts: a numbered text
 * whose SHA-256 is recorded with the acceptance, so that it proves which exact words were agreed.
 */
public record DataAccessAgreement(int version, String text, String sha256) {

  /** The version applicants accept now. */
  public static final int CURRENT_VERSION = 1;

  public static DataAccessAgreement current() {
    String resource = "/agreement/data-access-agreement-v" + CURRENT_VERSION + ".txt";
    try (InputStream in = DataAccessAgreement.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new DataAccessAgreement(CURRENT_VERSION, text, Sha256.hex(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
