package eu.clinnova.workflow.notification;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.workflow.process.ReviewGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A signed-in person's notifications: those to them and to their review groups (from their token,
 * never from what they send), newest first, with their own read marks.
 */
@ApplicationScoped
public class Notifications {

  /** The recipient that stands for every administrator (escalations reach them). */
  public static final String ADMINISTRATORS = "admin";

  private NotificationStore store;
  private Clock clock;

  protected Notifications() {}

  @Inject
  public Notifications(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Notification> of(Caller caller, int limit) {
    return store.to(caller.subject(), recipients(caller), limit);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long unread(Caller caller) {
    return store.unread(caller.subject(), recipients(caller));
  }

  /** Marks one read; a notification not addressed to the caller is unknown to them (404). */
  @Transactional
  public void markRead(Caller caller, long id) {
    Set<String> recipients = recipients(caller);
    if (!store.addressedTo(id, recipients)) {
      throw Refusal.notFound("No such notification.");
    }
    store.markRead(caller.subject(), recipients, List.of(id), clock.instant());
  }

  /** Marks every notification of the caller read; answers how many were unread. */
  @Transactional
  public int markAllRead(Caller caller) {
    return store.markRead(caller.subject(), recipients(caller), null, clock.instant());
  }

  /**
   * The recipient that stands for the researcher a team names by {@code address} (lower-cased):
   * they may have no account yet; whoever signs in with that verified address reads it (ADR 0027).
   */
  public static String teamRecipient(String address) {
    return TEAM_PREFIX + address;
  }

  private static final String TEAM_PREFIX = "team:";

  /**
   * The caller, their review groups, for administrators what goes to all of them, and for a
   * researcher with a verified address what goes to the team member of that address.
   */
  static Set<String> recipients(Caller caller) {
    Set<String> recipients = new TreeSet<>(ReviewGroups.of(caller));
    recipients.add(caller.subject());
    caller.teamAddress().map(Notifications::teamRecipient).ifPresent(recipients::add);
    if (caller.has(Role.ADMIN)) {
      recipients.add(ADMINISTRATORS);
    }
    return recipients;
  }
}
