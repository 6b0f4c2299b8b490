package eu.clinnova.consent.application;

import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.FormStore;
import eu.clinnova.consent.infrastructure.JobStore;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The consent context's services as the container wires them, without a server: the migrated schema
 * on embedded PostgreSQL, the consent unit, and in each call one transaction whose JDBC stores and
 * entity manager share it, a clock set at {@code now} and the test's audit trail.
 */
final class ConsentTestUnit implements AutoCloseable {

  /** The services of one transaction. */
  record Services(
      DataSource dataSource,
      PatientChanges changes,
      FormStore forms,
      ConsentRecording recording,
      StaffRecords staff,
      PatientRegistry registry,
      PatientImport imports) {}

  final TestDatabase database;
  final TestPersistence persistence;

  private ConsentTestUnit(TestDatabase database) {
    this.database = database;
    this.persistence = TestPersistence.unit("consent", database);
  }

  static ConsentTestUnit migrated() throws Exception {
    return new ConsentTestUnit(TestDatabase.migrated("messages", "consent"));
  }

  /** Runs {@code work} on the services in one transaction, committing if it returns. */
  <T> T inTransaction(AuditTrail audit, Instant now, Function<Services, T> work) {
    return persistence.inTransaction(
        entities -> {
          DataSource dataSource = TestPersistence.sameTransaction(entities);
          Clock clock = Clock.fixed(now, ZoneOffset.UTC);
          PatientChanges changes = new PatientChanges(audit, clock);
          FormStore forms = new FormStore(entities);
          StaffRecords staff = new StaffRecords(dataSource, audit, changes, forms);
          return work.apply(
              new Services(
                  dataSource,
                  changes,
                  forms,
                  new ConsentRecording(dataSource, changes, forms),
                  staff,
                  new PatientRegistry(dataSource, audit, staff),
                  new PatientImport(dataSource, audit, new JobStore(entities), clock)));
        });
  }

  /** Enrols {@code patients} directly in the store, as of {@code at}. */
  void enrol(Instant at, Patient... patients) throws SQLException {
    try (Connection connection = database.app().getConnection()) {
      PatientStore store = new PatientStore();
      for (Patient patient : patients) {
        store.insert(connection, patient, at, "steward");
      }
    }
  }

  @Override
  public void close() throws Exception {
    persistence.close();
    database.close();
  }
}
