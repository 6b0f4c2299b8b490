package eu.clinnova.release;

/**
 * The gate could not read what a safe answer needs (the database is down or refused): nothing was
 * decided, nothing recorded, nothing may be released. The API answers 503.
 */
public class GateUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
