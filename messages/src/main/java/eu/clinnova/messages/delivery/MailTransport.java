package eu.clinnova.messages.delivery;

/** Hands an e-mail to the mail server. */
public interface MailTransport {

  void send(Mail mail) throws Failure;

  /**
   * The mail server did not take the e-mail. Permanent when trying again cannot help (a malformed
   * or refused address); otherwise the delivery is tried again later.
   */
  final class Failure extends Exception {
    private final boolean permanent;

    public Failure(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    public boolean permanent() {
      return permanent;
    }
  }
}
