package eu.clinnova.messages.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;

/**
 * Sends through a Jakarta Mail session (WildFly's mail subsystem in the portal, its SMTP server and
 * sender address from the environment): plain UTF-8 text, marked {@code Auto-Submitted:
 * auto-generated} (RFC 3834) so that out-of-office replies stay away, with the delivery's own
 * Message-ID and the language it is written in.
 */
public final class SmtpTransport implements MailTransport {

  private final Session session;
  private final InternetAddress from;

  public SmtpTransport(Session session, String from) {
    this.session = session;
    try {
      this.from = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a sender address: " + from, e);
    }
  }

  @Override
  public void send(Mail mail) throws Failure {
    InternetAddress to;
    try {
      to = new InternetAddress(mail.to(), true);
    } catch (AddressException e) {
      throw new Failure("malformed address: " + e.getMessage(), true, e);
    }
    try {
      MimeMessage message = new IdentifiedMessage(session, mail.messageId());
      message.setFrom(from);
      message.setRecipient(Message.RecipientType.TO, to);
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.body(), StandardCharsets.UTF_8.name());
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setHeader("Content-Language", mail.language());
      message.setSentDate(new java.util.Date());
      Transport.send(message);
    } catch (SendFailedException e) {
      // The server refused the address itself (5xx for the recipient): trying again cannot help.
      boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      throw new Failure(describe(e), refused, e);
    } catch (MessagingException e) {
      throw new Failure(describe(e), false, e);
    }
  }

  private static String describe(MessagingException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      text.append(" (").append(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        text.append(": ").append(cause.getMessage());
      }
      text.append(')');
    }
    return text.toString().strip();
  }

  /** A message whose Message-ID is the delivery's, not one made up on each attempt. */
  private static final class IdentifiedMessage extends MimeMessage {
    private final String messageId;

    IdentifiedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
