package eu.clinnova.consent.account;

/** The identity provider could not be reached or refused the change: nothing was linked. */
public class AccountDirectoryUnavailableException extends RuntimeException {
  public AccountDirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
