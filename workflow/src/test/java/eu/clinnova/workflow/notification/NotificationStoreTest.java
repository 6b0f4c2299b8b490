package eu.clinnova.workflow.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications through the workflow unit: a user reads what was sent to them and to their groups,
 * newest first, at most as many as asked, and nobody else's; each reader marks what they read; each
 * notification is posted for e-mail in the same transaction.
 */
class NotificationStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
  private static TestDatabase database;
  private static TestPersistence persistence;
  private static Application application;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("messages", "workflow");
    persistence = TestPersistence.unit("workflow", database);
    application = ApplicationStoresTest.draft();
    persistence.run(
        entities -> {
          new ApplicationStore(entities).insert(application);
          NotificationStore store = new NotificationStore(entities);
          store.notify("dac-LU", application.id(), "submitted", "LU", NOW);
          store.notify("sub-1", application.id(), "returned", "LU", NOW.plusSeconds(1));
          store.notify("sub-2", application.id(), "approved", null, NOW.plusSeconds(2));
          store.notify("sub-1", application.id(), "approved", null, NOW.plusSeconds(3));
        });
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
    database.close();
  }

  private static List<Notification> to(Set<String> recipients, int limit) {
    return persistence.inTransaction(e -> new NotificationStore(e).to("sub-1", recipients, limit));
  }

  @Test
  void aUserReadsTheirsAndTheirGroupsNewestFirst() {
    List<Notification> read = to(Set.of("sub-1", "dac-LU"), 10);
    assertEquals(
        List.of("approved", "returned", "submitted"),
        read.stream().map(Notification::kind).toList());
    assertEquals(Optional.empty(), read.get(0).jurisdiction());
    assertEquals(Optional.of("LU"), read.get(1).jurisdiction());
    assertEquals(NOW.plusSeconds(3), read.get(0).at());
    assertEquals(application.id(), read.get(0).applicationId());
    assertEquals(application.document().title().orElseThrow(), read.get(0).title());
  }

  @Test
  void eachMemberOfAGroupReadsForThemselvesAndOnlyWhatIsAddressedToThem() {
    Set<String> first = Set.of("member-1", "dac-LU");
    Set<String> second = Set.of("member-2", "dac-LU");
    assertEquals(
        1L,
        (long) persistence.inTransaction(e -> new NotificationStore(e).unread("member-1", first)));
    long groupNotification = to(Set.of("dac-LU"), 1).get(0).id();
    long someoneElses = to(Set.of("sub-2"), 1).get(0).id();
    assertEquals(
        0,
        (int)
            persistence.inTransaction(
                e ->
                    new NotificationStore(e)
                        .markRead("member-1", first, List.of(someoneElses), NOW)),
        "not addressed to member-1: no mark");
    assertEquals(
        1,
        (int)
            persistence.inTransaction(
                e ->
                    new NotificationStore(e)
                        .markRead("member-1", first, List.of(groupNotification), NOW)));
    assertEquals(
        0,
        (int)
            persistence.inTransaction(
                e ->
                    new NotificationStore(e)
                        .markRead("member-1", first, List.of(groupNotification), NOW)),
        "marked twice, counted once");
    assertEquals(
        0L,
        (long) persistence.inTransaction(e -> new NotificationStore(e).unread("member-1", first)));
    assertEquals(
        1L,
        (long) persistence.inTransaction(e -> new NotificationStore(e).unread("member-2", second)));
    assertEquals(
        List.of(true),
        persistence.inTransaction(e -> new NotificationStore(e).to("member-1", first, 10)).stream()
            .filter(n -> n.recipient().equals("dac-LU"))
            .map(Notification::read)
            .toList());
    assertEquals(
        false,
        persistence.inTransaction(e -> new NotificationStore(e).addressedTo(someoneElses, first)));
  }

  @Test
  void eachNotificationIsAlsoPostedForEMailWithTheTitleAndThePageOfItsReader() {
    @SuppressWarnings("unchecked")
    List<Object[]> letters =
        persistence.inTransaction(
            e ->
                e.createNativeQuery(
                        "SELECT recipient, kind, facts ->> 'title', link FROM messages.outbox"
                            + " ORDER BY id")
                    .getResultList());
    assertEquals(4, letters.size());
    String title = application.document().title().orElseThrow();
    assertEquals("dac-LU", letters.get(0)[0]);
    assertEquals(title, letters.get(0)[2]);
    assertEquals("/review/application/" + application.id(), letters.get(0)[3]);
    assertEquals("sub-1", letters.get(1)[0]);
    assertEquals("returned", letters.get(1)[1]);
    assertEquals("/research/application/" + application.id(), letters.get(1)[3]);
  }

  @Test
  void atMostAsManyAsAskedAndNobodyElses() {
    assertEquals(
        List.of("approved"), to(Set.of("sub-1"), 1).stream().map(Notification::kind).toList());
    assertEquals(List.of(), to(Set.of("sub-3"), 10));
    assertEquals(List.of(), to(Set.of(), 10));
  }
}
