package eu.clinnova.messages.delivery;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.messages.preference.MessageCategory;
import eu.clinnova.messages.preference.PreferenceStore;
import eu.clinnova.messages.preference.Preferences;
import eu.clinnova.messages.text.MessageTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sender's two steps, each in a transaction of its own so that several portal instances can
 * share the work (rows are taken with {@code FOR UPDATE SKIP LOCKED}):
 *
 * <ol>
 *   <li>{@link #expand}: a posted letter becomes one delivery per person it reaches who wants it,
 *       written in their language;
 *   <li>{@link #deliverNext}: the delivery due first is handed to the mail server; a failure is
 *       tried again with back-off until its deadline, a refused address never again.
 * </ol>
 *
 * Each attempt is a row the administrator sees. An e-mail handed over whose transaction then fails
 * is sent again with the same Message-ID (at least once, never silently lost).
 */
@ApplicationScoped
public class Deliveries {

  @PersistenceContext(unitName = "messages")
  private EntityManager entities;

  private Directory directory;
  private MailTransport transport;
  private Clock clock;
  private MessageSettings settings;

  protected Deliveries() {}

  @Inject
  public Deliveries(
      Directory directory, MailTransport transport, Clock clock, MessageSettings settings) {
    this.directory = directory;
    this.transport = transport;
    this.clock = clock;
    this.settings = settings;
  }

  /** The sender on the given entity manager (module tests). */
  public Deliveries(
      EntityManager entities,
      Directory directory,
      MailTransport transport,
      Clock clock,
      MessageSettings settings) {
    this(directory, transport, clock, settings);
    this.entities = entities;
  }

  /**
   * Makes the deliveries of up to {@code limit} letters not yet expanded, oldest first; answers how
   * many letters it expanded. When the directory cannot answer, the letter keeps the reason and
   * waits, and so do the letters after it (the directory is down for all of them).
   */
  @Transactional
  public int expand(int limit) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        entities
            .createNativeQuery(
                "SELECT id FROM messages.outbox WHERE expanded_at IS NULL ORDER BY id"
                    + " LIMIT ?1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, limit)
            .getResultList();
    int expanded = 0;
    MessageTexts texts = settings.texts();
    PreferenceStore preferences = new PreferenceStore(entities);
    for (Number id : ids) {
      OutboxRow letter = entities.find(OutboxRow.class, id.longValue());
      List<Addressee> addressees;
      try {
        addressees = directory.addresseesOf(letter.recipient());
      } catch (Directory.Unavailable e) {
        letter.notExpanded(e.getMessage());
        break;
      }
      Instant now = clock.instant();
      MessageCategory category = MessageCategory.of(letter.kind());
      Map<String, String> facts = facts(letter);
      Set<String> except = except(letter);
      Set<String> addresses = new HashSet<>();
      for (Addressee addressee : addressees) {
        if (except.contains(addressee.account())) {
          continue;
        }
        Preferences chosen =
            preferences
                .find(addressee.account())
                .orElseGet(() -> Preferences.defaults(addressee.language()));
        if (!chosen.wants(category) || !addresses.add(addressee.address().toLowerCase())) {
          continue;
        }
        MessageTexts.Written written =
            texts.write(letter.kind(), chosen.language(), facts, letter.link());
        entities.persist(
            new DeliveryRow(
                letter.id(),
                addressee,
                chosen.language(),
                written.subject(),
                written.body(),
                now,
                settings.backoff().deadline(now)));
      }
      letter.expanded(now);
      expanded++;
    }
    return expanded;
  }

  /** What happened to the delivery {@link #deliverNext} tried. */
  public enum Outcome {
    SENT,
    FAILED,
    REFUSED
  }

  /**
   * Tries the delivery due first, if any is due now: empty when none is. The row stays locked while
   * the mail server answers, so no other instance sends it at the same time.
   */
  @Transactional
  public Optional<Outcome> deliverNext() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Number> due =
        entities
            .createNativeQuery(
                "SELECT id FROM messages.delivery WHERE state = 'pending' AND next_attempt_at <= ?1"
                    + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .getResultList();
    if (due.isEmpty()) {
      return Optional.empty();
    }
    DeliveryRow delivery = entities.find(DeliveryRow.class, due.get(0).longValue());
    Outcome outcome;
    try {
      transport.send(delivery.mail(settings.messageIdHost()));
      delivery.sent(now);
      outcome = Outcome.SENT;
    } catch (MailTransport.Failure failure) {
      Instant next = now.plus(settings.backoff().after(delivery.attempts() + 1));
      delivery.failed(failure.getMessage(), next, failure.permanent());
      outcome = failure.permanent() ? Outcome.REFUSED : Outcome.FAILED;
    }
    entities.persist(
        new AttemptRow(
            delivery.id(),
            now,
            outcome.name().toLowerCase(),
            outcome == Outcome.SENT ? null : delivery.lastError()));
    return Optional.of(outcome);
  }

  private static Set<String> except(OutboxRow letter) {
    Set<String> accounts = new HashSet<>();
    try (JsonReader reader = JSON.createReader(new StringReader(letter.exceptAccounts()))) {
      reader.readArray().getValuesAs(JsonString.class).forEach(id -> accounts.add(id.getString()));
    }
    return accounts;
  }

  private static Map<String, String> facts(OutboxRow letter) {
    Map<String, String> facts = new LinkedHashMap<>();
    try (JsonReader reader = JSON.createReader(new StringReader(letter.facts()))) {
      JsonObject object = reader.readObject();
      object.forEach(
          (name, value) -> {
            if (value instanceof JsonString text) {
              facts.put(name, text.getString());
            }
          });
    }
    if (letter.jurisdiction() != null) {
      facts.putIfAbsent("jurisdiction", letter.jurisdiction());
    }
    return facts;
  }
}
