package eu.clinnova.consent.application;

import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.FormStore;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The world of the consent forms' tests: the migrated schema with LU patients enrolled, the forms
 * service in a transaction of its own per call, and patients consenting as they do.
 */
final class FormsTestUnit implements AutoCloseable {

  private final TestDatabase database;
  private final TestPersistence persistence;

  private FormsTestUnit(TestDatabase database) {
    this.database = database;
    this.persistence = TestPersistence.unit("consent", database);
  }

  /** LU adults with IBD at CHL, enrolled at {@code at}. */
  static FormsTestUnit withPatients(Instant at, String... psns) throws Exception {
    FormsTestUnit unit = new FormsTestUnit(TestDatabase.migrated("messages", "consent"));
    try (Connection connection = unit.database.app().getConnection()) {
      for (String psn : psns) {
        new PatientStore()
            .insert(
                connection,
                new Patient(psn, "LU", "CHL", Set.of(Patient.Cohort.IBD), false),
                at,
                "steward");
      }
    }
    return unit;
  }

  /** {@code work} on the forms service at {@code now}, in a transaction of its own. */
  <T> T forms(AuditTrail audit, Instant now, Function<ConsentForms, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new ConsentForms(
                    TestPersistence.sameTransaction(entities),
                    audit,
                    new FormStore(entities),
                    Clock.fixed(now, ZoneOffset.UTC))));
  }

  /** The patient permits CLINICAL-DATA on version 1 of {@code formId}, as patients do. */
  void consent(AuditTrail audit, Instant now, String psn, String formId) {
    persistence.run(
        entities ->
            new ConsentRecording(
                    TestPersistence.sameTransaction(entities),
                    new PatientChanges(audit, Clock.fixed(now, ZoneOffset.UTC)),
                    new FormStore(entities))
                .consent(
                    Caller.patient("sub-" + psn, psn),
                    psn,
                    new ConsentRequest(
                        formId, 1, "en", Map.of("CLINICAL-DATA", "permit"), null, null, null)));
  }

  /** The recipients of the letters of {@code kind} posted so far, in order. */
  java.util.List<String> letters(String kind) throws java.sql.SQLException {
    java.util.List<String> recipients = new java.util.ArrayList<>();
    try (Connection connection = database.app().getConnection();
        var query =
            connection.prepareStatement(
                "SELECT recipient, link FROM messages.outbox WHERE kind = ? ORDER BY recipient")) {
      query.setString(1, kind);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          recipients.add(rows.getString(1) + " " + rows.getString(2));
        }
      }
    }
    return recipients;
  }

  @Override
  public void close() throws Exception {
    persistence.close();
    database.close();
  }
}
