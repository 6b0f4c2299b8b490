package eu.clinnova.messages.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.clinnova.messages.outbox.Letter;
import eu.clinnova.messages.outbox.Outbox;
import eu.clinnova.messages.preference.PreferenceStore;
import eu.clinnova.messages.preference.Preferences;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a real SMTP server (GreenMail) and the real schema: letters posted in a
 * transaction, expanded per person in their language and by their choices, delivered once, retried
 * with back-off while the server is away, given up at once on a malformed address and at the
 * deadline otherwise. The directory (the identity provider's part) is a table in the test.
 */
class DeliveriesTest {

  private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(1));
  private static final MessageSettings SETTINGS =
      new MessageSettings(URI.create("https://portal.example.org/"), BACKOFF);

  private static TestDatabase database;
  private static TestPersistence persistence;

  private GreenMail smtp;
  private int port;
  private final MovingClock clock = new MovingClock();
  private final Map<String, List<Addressee>> people = new HashMap<>();
  private boolean directoryDown;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("messages");
    persistence = TestPersistence.unit("messages", database);
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
    database.close();
  }

  @BeforeEach
  void mailServer() throws java.sql.SQLException {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    port = smtp.getSmtp().getPort();
    clock.at = START;
    // The application role may not empty tables (the log of attempts is the administrator's).
    try (java.sql.Connection owner = database.owner().getConnection();
        java.sql.Statement statement = owner.createStatement()) {
      statement.execute(
          "TRUNCATE messages.attempt, messages.delivery, messages.outbox, messages.preference");
    }
  }

  @AfterEach
  void stopMailServer() {
    smtp.stop();
  }

  @Test
  void aLetterToAGroupReachesEachMemberInTheirLanguageByTheirChoices() throws Exception {
    people.put(
        "dac-LU",
        List.of(
            new Addressee("a-1", "anna@demo.clinnova.eu", Optional.of("fr-LU")),
            new Addressee("a-2", "ben@demo.clinnova.eu", Optional.empty()),
            new Addressee("a-3", "chris@demo.clinnova.eu", Optional.of("de"))));
    persistence.run(
        entities ->
            new PreferenceStore(entities)
                .save("a-3", new Preferences("de", false, true, false), START));
    UUID application = UUID.randomUUID();
    post(
        new Letter(
            "dac-LU",
            "vote-due",
            Optional.of(application),
            Optional.of("LU"),
            Map.of("title", "Gut microbiome and relapse"),
            "/review/application/" + application));

    assertEquals(1, (int) persistence.inTransaction(e -> sender(e).expand(10)));
    assertEquals(List.of(Deliveries.Outcome.SENT, Deliveries.Outcome.SENT), deliverAll());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(2, received.length, "the member who turned task e-mails off gets none");
    MimeMessage french = to(received, "anna@demo.clinnova.eu");
    assertEquals(
        "Le vote de votre comité est ouvert : « Gut microbiome and relapse »", french.getSubject());
    String body = (String) french.getContent();
    assertTrue(body.contains("Le comité (Luxembourg)"), body);
    assertTrue(body.contains("https://portal.example.org/review/application/" + application), body);
    assertTrue(body.contains("https://portal.example.org/settings"), body);
    assertEquals("auto-generated", french.getHeader("Auto-Submitted")[0]);
    assertEquals("fr", french.getHeader("Content-Language")[0]);
    assertTrue(french.getMessageID().endsWith("@portal.example.org>"), french.getMessageID());
    assertEquals(
        "Your committee’s vote is open: “Gut microbiome and relapse”",
        to(received, "ben@demo.clinnova.eu").getSubject());
    assertEquals(Optional.empty(), persistence.inTransaction(e -> sender(e).deliverNext()));
  }

  @Test
  void aReminderSkipsTheMembersItNamesAsHavingVoted() throws Exception {
    people.put(
        "dac-CH",
        List.of(
            new Addressee("c-1", "carla@demo.clinnova.eu", Optional.empty()),
            new Addressee("c-2", "dario@demo.clinnova.eu", Optional.empty())));
    UUID application = UUID.randomUUID();
    post(
        new Letter(
            "dac-CH",
            "reminder",
            Optional.of(application),
            Optional.of("CH"),
            Map.of("title", "Fatigue in MS"),
            "/review/application/" + application,
            java.util.Set.of("c-1")));

    assertEquals(1, (int) persistence.inTransaction(e -> sender(e).expand(10)));
    assertEquals(List.of(Deliveries.Outcome.SENT), deliverAll());
    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(1, received.length, "only the member who has not voted");
    assertEquals("dario@demo.clinnova.eu", received[0].getAllRecipients()[0].toString());
  }

  @Test
  void whileTheMailServerIsAwayDeliveriesWaitLongerEachTimeThenGoOutOnce() throws Exception {
    people.put("u-1", List.of(new Addressee("u-1", "r@demo.clinnova.eu", Optional.empty())));
    post(letter("u-1", "approved"));
    persistence.inTransaction(e -> sender(e).expand(10));
    smtp.stop();

    assertEquals(List.of(Deliveries.Outcome.FAILED), deliverAll());
    assertEquals(List.of(), deliverAll(), "not tried again before its back-off");
    clock.move(Duration.ofSeconds(10));
    assertEquals(List.of(Deliveries.Outcome.FAILED), deliverAll());
    clock.move(Duration.ofSeconds(19));
    assertEquals(List.of(), deliverAll(), "the second wait is twice the first");
    clock.move(Duration.ofSeconds(1));
    assertEquals(List.of(Deliveries.Outcome.FAILED), deliverAll());

    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    clock.move(Duration.ofSeconds(40));
    assertEquals(List.of(Deliveries.Outcome.SENT), deliverAll());
    clock.move(Duration.ofHours(2));
    assertEquals(List.of(), deliverAll());
    assertEquals(1, smtp.getReceivedMessages().length);

    DeliveryView delivery =
        log(e -> new DeliveryLog(e).newest(Optional.empty(), Optional.empty(), 10)).get(0);
    assertEquals("sent", delivery.state());
    assertEquals(4, delivery.attempts());
    List<Attempt> attempts = log(e -> new DeliveryLog(e).attempts(delivery.id()));
    assertEquals(
        List.of("failed", "failed", "failed", "sent"),
        attempts.stream().map(Attempt::outcome).toList());
    assertTrue(
        attempts.get(0).error().orElseThrow().contains("onnect"), attempts.get(0).toString());
  }

  @Test
  void aMalformedAddressIsGivenUpAtOnceAndAnUnreachableOneAtItsDeadline() {
    people.put("u-1", List.of(new Addressee("u-1", "not an address@", Optional.empty())));
    people.put("u-2", List.of(new Addressee("u-2", "s@demo.clinnova.eu", Optional.empty())));
    post(letter("u-1", "rejected"));
    post(letter("u-2", "rejected"));
    persistence.inTransaction(e -> sender(e).expand(10));
    smtp.stop();

    assertEquals(List.of(Deliveries.Outcome.REFUSED, Deliveries.Outcome.FAILED), deliverAll());
    List<Deliveries.Outcome> later = new ArrayList<>();
    for (int round = 0; round < 30; round++) {
      clock.move(Duration.ofMinutes(10));
      later.addAll(deliverAll());
    }
    Map<String, Long> counts = log(e -> new DeliveryLog(e).counts());
    assertEquals(2L, counts.get("gave-up"), counts.toString());
    // failures at 0 s, then 10 s, 20 s, 40 s ... capped at 10 min, until one hour has passed
    assertTrue(later.size() >= 6 && later.size() <= 10, later.toString());
    assertTrue(later.stream().allMatch(Deliveries.Outcome.FAILED::equals));
  }

  @Test
  void aLetterWaitsWhileTheDirectoryIsDownAndOneRolledBackIsNeverSent() {
    people.put("u-1", List.of(new Addressee("u-1", "t@demo.clinnova.eu", Optional.empty())));
    try {
      persistence.run(
          entities -> {
            Outbox.on(entities).post(letter("u-1", "approved"), START);
            throw new IllegalStateException("the change failed");
          });
    } catch (IllegalStateException expected) {
      // the change and its letter roll back together
    }
    directoryDown = true;
    post(letter("u-1", "approved"));
    assertEquals(0, (int) persistence.inTransaction(e -> sender(e).expand(10)));
    assertEquals(
        List.of("identity provider unreachable"),
        persistence.inTransaction(
            e ->
                e.createNativeQuery("SELECT expansion_error FROM messages.outbox")
                    .getResultList()));
    directoryDown = false;
    assertEquals(1, (int) persistence.inTransaction(e -> sender(e).expand(10)));
    assertEquals(List.of(Deliveries.Outcome.SENT), deliverAll());
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  @Test
  void aPatientSeesWhenTheRecipientOfTheirDataWasToldOfTheirWithdrawal() {
    people.put("sub-r", List.of(new Addressee("sub-r", "r@demo.clinnova.eu", Optional.empty())));
    assertEquals(
        Optional.empty(),
        persistence.inTransaction(
            e -> new DeliveryLog(e).noticeAbout("release:r-1", "withdrawal-notice", "LU-0001")));
    post(
        new Letter(
            "release:r-1",
            "withdrawal-notice",
            Optional.empty(),
            Optional.of("LU"),
            Map.of("title", "A study", "psn", "LU-0001", "modules", "*"),
            "/research/applications"));
    DeliveryLog.Notice waiting =
        persistence
            .inTransaction(
                e -> new DeliveryLog(e).noticeAbout("release:r-1", "withdrawal-notice", "LU-0001"))
            .orElseThrow();
    assertEquals(Optional.empty(), waiting.sentAt(), "posted, not yet sent");
    people.put("release:r-1", people.get("sub-r"));
    persistence.inTransaction(e -> sender(e).expand(10));
    clock.move(Duration.ofSeconds(5));
    assertEquals(List.of(Deliveries.Outcome.SENT), deliverAll());
    assertEquals(
        Optional.of(START.plusSeconds(5)),
        persistence
            .inTransaction(
                e -> new DeliveryLog(e).noticeAbout("release:r-1", "withdrawal-notice", "LU-0001"))
            .orElseThrow()
            .sentAt());
    assertEquals(
        Optional.empty(),
        persistence.inTransaction(
            e -> new DeliveryLog(e).noticeAbout("release:r-1", "withdrawal-notice", "LU-0002")),
        "about another patient: nothing");
  }

  @Test
  void anAdministratorSeesAPatientsEMailWithoutTheirPseudonymOrWholeAddress() {
    people.put(
        "patient:LU-0007",
        List.of(new Addressee("sub-p", "lena.patient@example.org", Optional.empty())));
    post(letter("patient:LU-0007", "reconsent-requested"));
    persistence.inTransaction(e -> sender(e).expand(10));
    DeliveryView shown =
        persistence
            .inTransaction(e -> new DeliveryLog(e).newest(Optional.empty(), Optional.empty(), 10))
            .get(0);
    assertEquals("patient", shown.recipient());
    assertEquals("l…@example.org", shown.address());
    assertEquals("", shown.account());
    assertEquals(
        shown, persistence.inTransaction(e -> new DeliveryLog(e).find(shown.id())).orElseThrow());
  }

  private Letter letter(String recipient, String kind) {
    return new Letter(
        recipient,
        kind,
        Optional.empty(),
        Optional.empty(),
        Map.of("title", "A study"),
        "/research/applications");
  }

  private void post(Letter letter) {
    persistence.run(entities -> Outbox.on(entities).post(letter, clock.instant()));
  }

  private List<Deliveries.Outcome> deliverAll() {
    List<Deliveries.Outcome> outcomes = new ArrayList<>();
    while (true) {
      Optional<Deliveries.Outcome> outcome =
          persistence.inTransaction(e -> sender(e).deliverNext());
      if (outcome.isEmpty()) {
        return outcomes;
      }
      outcomes.add(outcome.get());
    }
  }

  private <T> T log(java.util.function.Function<jakarta.persistence.EntityManager, T> read) {
    return persistence.inTransaction(read);
  }

  private Deliveries sender(jakarta.persistence.EntityManager entities) {
    Directory directory =
        recipient -> {
          if (directoryDown) {
            throw new Directory.Unavailable("identity provider unreachable", null);
          }
          return people.getOrDefault(recipient, List.of());
        };
    Properties smtpSettings = new Properties();
    smtpSettings.put("mail.smtp.host", "127.0.0.1");
    smtpSettings.put("mail.smtp.port", String.valueOf(port));
    smtpSettings.put("mail.smtp.connectiontimeout", "2000");
    smtpSettings.put("mail.smtp.timeout", "2000");
    MailTransport transport =
        new SmtpTransport(
            Session.getInstance(smtpSettings), "Clinnova Portal <no-reply@clinnova.eu>");
    return new Deliveries(entities, directory, transport, clock, SETTINGS);
  }

  private static MimeMessage to(MimeMessage[] messages, String address) throws Exception {
    for (MimeMessage message : messages) {
      if (message.getAllRecipients()[0].toString().equals(address)) {
        return message;
      }
    }
    throw new AssertionError("no message to " + address);
  }

  /** The sender's clock, moved by the test. */
  private static final class MovingClock extends Clock {
    private Instant at = START;

    void move(Duration by) {
      at = at.plus(by);
    }

    @Override
    public Instant instant() {
      return at;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
