package eu.clinnova.workflow.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
      return new DataAccessAgreement(CURRENT_VERSION, text, sha256(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hex SHA-256 of the UTF-8 bytes of a text. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
