package eu.clinnova.portal.mail;

import eu.clinnova.messages.delivery.Backoff;
import eu.clinnova.messages.delivery.MailTransport;
import eu.clinnova.messages.delivery.MessageSettings;
import eu.clinnova.messages.delivery.SmtpTransport;
import eu.clinnova.portal.config.PortalEnvironment;
import eu.clinnova.portal.config.Settings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.mail.Session;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The sender's configuration: WildFly's mail session {@code java:jboss/mail/clinnova} (SMTP host,
 * port, STARTTLS and sender address from the environment, see {@code configure-server.cli}), with
 * timeouts so that a mail server that does not answer never holds a delivery's row for long, an
 * optional SMTP account ({@code CLINNOVA_SMTP_USER}, {@code CLINNOVA_SMTP_PASSWORD}), and the
 * back-off ({@code CLINNOVA_MAIL_RETRY_FIRST}, {@code _CAP}, {@code _FOR} as ISO-8601 durations;
 * from ten seconds, doubling, at most two hours apart, for three days).
 */
@ApplicationScoped
public class MailSetup {

  @Resource(lookup = "java:jboss/mail/clinnova")
  private Session configured;

  @Produces
  @ApplicationScoped
  MailTransport transport() {
    Properties properties = new Properties();
    properties.putAll(configured.getProperties());
    properties.putIfAbsent("mail.smtp.connectiontimeout", "10000");
    properties.putIfAbsent("mail.smtp.timeout", "20000");
    properties.putIfAbsent("mail.smtp.writetimeout", "20000");
    String user = Settings.value("CLINNOVA_SMTP_USER", "");
    Session session;
    if (user.isBlank()) {
      session = Session.getInstance(properties);
    } else {
      properties.put("mail.smtp.auth", "true");
      String password = Settings.value("CLINNOVA_SMTP_PASSWORD", "");
      session =
          Session.getInstance(
              properties,
              new jakarta.mail.Authenticator() {
                @Override
                protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                  return new jakarta.mail.PasswordAuthentication(user, password);
                }
              });
    }
    return new SmtpTransport(
        session, Settings.value("CLINNOVA_MAIL_FROM", "Clinnova Portal <no-reply@clinnova.eu>"));
  }

  /** Dependent (a record cannot be proxied): read once by each bean that takes it. */
  @Produces
  MessageSettings settings() {
    Backoff standard = Backoff.STANDARD;
    return new MessageSettings(
        PortalEnvironment.current().publicUrl(),
        new Backoff(
            duration("CLINNOVA_MAIL_RETRY_FIRST", standard.first()),
            duration("CLINNOVA_MAIL_RETRY_CAP", standard.cap()),
            duration("CLINNOVA_MAIL_RETRY_FOR", standard.lifetime())));
  }

  private static Duration duration(String name, Duration standard) {
    String value = Settings.value(name, "");
    if (value.isBlank()) {
      return standard;
    }
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(name + " is not an ISO-8601 duration (PT10S): " + value, e);
    }
  }
}
