package eu.clinnova.audit.log;

/** The log could not durably record an entry: nothing that depends on it may proceed. */
public class AuditLogUnavailableException extends RuntimeException {

  public AuditLogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
