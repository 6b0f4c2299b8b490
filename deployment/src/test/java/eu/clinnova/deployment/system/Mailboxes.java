package eu.clinnova.deployment.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clinnova.deployment.local.MailServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The test's mail client: reads what GreenMail received for an address through its REST API (the
 * contract's {@code GET /api/user/{email}/messages/INBOX}) and parses each message as Jakarta Mail
 * does, so that subjects and bodies are compared as a reader sees them.
 */
final class Mailboxes {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a test waits for the sender (it tries every second here; CI is slow and busy). */
  static final Duration PATIENCE = Duration.ofMinutes(2);

  private Mailboxes() {}

  /** A received e-mail as its reader sees it. */
  record Mail(String subject, String body, MimeMessage message) {
    String header(String name) {
      try {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Everything the address received so far. */
  static List<Mail> inbox(String address) {
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          MailServer.apiUrl()
                              + "/api/user/"
                              + URLEncoder.encode(address, StandardCharsets.UTF_8)
                              + "/messages/INBOX"))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      List<Mail> mails = new ArrayList<>();
      if (answer.statusCode() == 404 || answer.statusCode() == 400) {
        return mails; // nothing received yet: GreenMail knows the address only once mail came
      }
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("GreenMail answered " + answer.statusCode());
      }
      for (JsonNode message : JSON.readTree(answer.body())) {
        // The API gives the raw message as ISO-8859-1 text: its bytes are the message's own.
        byte[] raw = message.get("mimeMessage").asText().getBytes(StandardCharsets.ISO_8859_1);
        MimeMessage parsed =
            new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        mails.add(new Mail(parsed.getSubject(), String.valueOf(parsed.getContent()), parsed));
      }
      return mails;
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException("GreenMail could not be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The address's e-mail about the application (its page's address names it) whose subject starts
   * with {@code subjectStart}, once it came (or fails).
   */
  static Mail awaitAbout(String address, String applicationId, String subjectStart) {
    return await(
            address,
            mail ->
                mail.subject() != null
                    && mail.subject().startsWith(subjectStart)
                    && mail.body().contains(applicationId),
            1)
        .get(0);
  }

  /** The address's e-mails that match, once there are at least {@code count} (or fails). */
  static List<Mail> await(String address, Predicate<Mail> matching, int count) {
    Instant deadline = Instant.now().plus(PATIENCE);
    List<Mail> found = List.of();
    while (Instant.now().isBefore(deadline)) {
      found = inbox(address).stream().filter(matching).toList();
      if (found.size() >= count) {
        return found;
      }
      pause();
    }
    throw new AssertionError(
        address + " received " + found.size() + " of " + count + " e-mails within " + PATIENCE);
  }

  static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
