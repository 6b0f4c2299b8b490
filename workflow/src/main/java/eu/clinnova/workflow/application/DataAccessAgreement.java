package eu.clinnova.workflow.application;

import eu.clinnova.kernel.Sha256;

/**
 * The data access agreement an applicant accepts before any entitlement starts: a numbered text
 * whose SHA-256 is recorded with the acceptance, so that it proves which exact words were agreed.
 * Its versions are data (workflow.agreement_version), published by administrators.
 */
public record DataAccessAgreement(int version, String text, String sha256) {

  /** The version numbered {@code version} of {@code text}, with the digest of its UTF-8 bytes. */
  public static DataAccessAgreement of(int version, String text) {
    return new DataAccessAgreement(version, text, Sha256.hex(text));
  }
}
