package eu.clinnova.release;

import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import eu.clinnova.workflow.application.AgreementStore;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.ApplicationStoresTest;
import eu.clinnova.workflow.application.SubmissionChecklistTest;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import eu.clinnova.workflow.notification.NotificationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the persistence unit costs against JDBC on the two paths ADR 0020 decides: the gate's
 * workflow reads for one decision (a dataset, the application's entitlements, its agreement), and
 * one small append (a notification). Same embedded PostgreSQL, same rows, same transaction shape (a
 * transaction per operation, as the portal's services run them); warmed up, then timed.
 *
 * <p>{@code ./mvnw -pl release-gate -Pbench verify -DskipTests} (after an install). Figures in
 * docs/benchmarks.md.
 */
public final class GateReadsBenchmark {

  private static final int WARM_UP = 3_000;
  private static final int ROUNDS = 10_000;
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  public static void main(String[] args) throws Exception {
    try (TestDatabase database = TestDatabase.migrated("messages", "workflow");
        TestPersistence unit = TestPersistence.unit("workflow", database)) {
      DataSource app = database.app();
      Application application = seed(unit);
      UUID id = application.id();
      System.out.printf(
          Locale.ROOT,
          "%-44s %9s %9s %9s%n",
          "operation (one transaction each)",
          "p50 µs",
          "p95 µs",
          "mean µs");
      try (Connection connection = app.getConnection()) {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        report(
            "gate reads over JDBC (SnapshotReads)",
            () -> {
              SnapshotReads.dataset(connection, "fr-set").orElseThrow();
              SnapshotReads.entitlementsOf(connection, id);
              SnapshotReads.agreementAccepted(connection, id, "sub-1");
              connection.commit();
            });
      }
      report(
          "gate reads through the unit (JPA stores)",
          () ->
              unit.run(
                  entities -> {
                    new DatasetStore(entities).find("fr-set").orElseThrow();
                    new EntitlementStore(entities).ofApplication(id);
                    new AgreementStore(entities).find(id);
                  }));
      try (Connection connection = app.getConnection();
          PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO workflow.notification (recipient, application_id, kind,"
                      + " jurisdiction, at) VALUES (?, ?, ?, ?, ?)")) {
        connection.setAutoCommit(false);
        report(
            "a notification over JDBC",
            () -> {
              insert.setString(1, "sub-1");
              insert.setObject(2, id);
              insert.setString(3, "approved");
              insert.setString(4, null);
              insert.setTimestamp(5, Timestamp.from(NOW));
              insert.executeUpdate();
              connection.commit();
            });
      }
      report(
          "a notification through the unit",
          () ->
              unit.run(
                  entities ->
                      new NotificationStore(entities).notify("sub-1", id, "approved", null, NOW)));
    }
  }

  private interface Operation {
    void run() throws SQLException;
  }

  private static void report(String name, Operation operation) throws SQLException {
    for (int i = 0; i < WARM_UP; i++) {
      operation.run();
    }
    long[] nanos = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      operation.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-44s %9.1f %9.1f %9.1f%n",
        name,
        nanos[ROUNDS / 2] / 1e3,
        nanos[ROUNDS * 95 / 100] / 1e3,
        Arrays.stream(nanos).average().orElseThrow() / 1e3);
  }

  /** Four datasets, one application with an ethics approval, two entitlements, an agreement. */
  private static Application seed(TestPersistence unit) {
    Application application = ApplicationStoresTest.draft();
    unit.run(
        entities -> {
          for (String jurisdiction : List.of("LU", "FR", "DE", "CH")) {
            new DatasetStore(entities)
                .insert(
                    SubmissionChecklistTest.dataset(
                        jurisdiction.toLowerCase(Locale.ROOT) + "-set", jurisdiction),
                    "admin");
          }
        });
    UUID ethics =
        unit.inTransaction(
            entities -> {
              ApplicationStore store = new ApplicationStore(entities);
              store.insert(application);
              return ApplicationStoresTest.declareEthics(
                  store, application.id(), "FR", "CPP 2026-1", LocalDate.of(2027, 6, 30), NOW);
            });
    unit.run(
        entities -> {
          for (String dataset : List.of("fr-set", "lu-set")) {
            new EntitlementStore(entities)
                .insert(
                    new Entitlement(
                        UUID.randomUUID(),
                        application.id(),
                        "sub-1",
                        dataset,
                        "FR",
                        ethics,
                        LocalDate.of(2027, 6, 30),
                        NOW,
                        NOW.plusSeconds(86_400),
                        Optional.empty(),
                        Optional.empty()));
          }
          AgreementStore agreements = new AgreementStore(entities);
          agreements.insert(application.id(), agreements.current(), NOW, "sub-1");
        });
    return application;
  }

  private GateReadsBenchmark() {}
}
