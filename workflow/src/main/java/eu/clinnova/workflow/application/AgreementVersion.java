package eu.clinnova.workflow.application;

import java.time.Instant;

/** A published version of the data access agreement: never changed once published. */
public record AgreementVersion(
    DataAccessAgreement agreement, Instant publishedAt, String publishedBy) {

  public int version() {
    return agreement.version();
  }
}
