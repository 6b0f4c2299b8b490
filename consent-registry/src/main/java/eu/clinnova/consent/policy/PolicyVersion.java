package eu.clinnova.consent.policy;

import java.time.Instant;

/**
 * A version of the jurisdictions' policies as it came into force: its document (the bundled JSON),
 * the SHA-256 of the bytes shipped, and the first start of the portal that ran it.
 */
public record PolicyVersion(int version, String sha256, Instant inForceFrom, String document) {

  public PolicyCatalogue catalogue() {
    return PolicyCatalogue.read(
        new java.io.ByteArrayInputStream(
            document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
