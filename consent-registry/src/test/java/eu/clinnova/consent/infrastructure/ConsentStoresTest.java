package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.account.ActivationCode;
import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.ConsentStates;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormChange;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry's tables on a real PostgreSQL, through the application's role. */
class ConsentStoresTest {

  static TestDatabase database;
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  static final ConsentForm LU = ConsentForms.seedForm("lu-research-consent", Instant.now());

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
    try (Connection connection = database.app().getConnection()) {
      Forms.publish(database, "admin-sub", LU);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  static void enrol(Connection connection, String psn) throws SQLException {
    new PatientStore()
        .insert(
            connection, new Patient(psn, "LU", "CHL", Set.of(Patient.Cohort.IBD), false), T0, "s");
  }

  static ConsentRecord consent(String psn, ConsentForm form, Decision decision, Instant at) {
    return new ConsentRecord(
        UUID.randomUUID().toString(),
        psn,
        RecordKind.CONSENT,
        form.id(),
        form.version(),
        "en",
        form.textSha256("en"),
        Map.of(ConsentModule.CLINICAL_DATA, decision),
        Set.of(),
        SignerKind.SELF,
        at,
        Map.of());
  }

  /** A withdrawal by the patient of {@code modules} (all if none) at {@code at}. */
  static ConsentRecord withdrawal(String psn, Instant at, Set<ConsentModule> modules) {
    return new ConsentRecord(
        UUID.randomUUID().toString(),
        psn,
        RecordKind.WITHDRAWAL,
        null,
        null,
        null,
        null,
        Map.of(),
        modules,
        SignerKind.SELF,
        at,
        Map.of());
  }

  static RecordEntry entry(ConsentRecord record) {
    return new RecordEntry(
        record, Optional.empty(), "sub", "patient", Optional.empty(), Optional.empty());
  }

  @Test
  void recordsRoundTripAndTheAppRoleCanNeitherChangeNorDeleteThem() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      enrol(connection, "LU-1001");
      ConsentRecord record = consent("LU-1001", LU, Decision.PERMIT, T0);
      new RecordStore().insert(connection, entry(record));
      assertEquals(record, new RecordStore().history(connection, "LU-1001").get(0).record());
      try (Statement statement = connection.createStatement()) {
        assertThrows(
            SQLException.class,
            () -> statement.execute("UPDATE consent.record SET kind = 'consent'"));
        assertThrows(SQLException.class, () -> statement.execute("DELETE FROM consent.record"));
      }
    }
    try (Connection owner = database.owner().getConnection();
        Statement statement = owner.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> statement.execute("UPDATE consent.record SET decisions = '{}'"));
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
  }

  @Test
  void theStateOfManyPatientsComesFromOneQueryOfTheirRecords() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      List<String> psns = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String psn = "LU-2" + String.format("%04d", i);
        psns.add(psn);
        enrol(connection, psn);
        Decision decision = i % 2 == 0 ? Decision.PERMIT : Decision.DENY;
        new RecordStore().insert(connection, entry(consent(psn, LU, decision, T0.plusSeconds(i))));
      }
      Map<String, List<ConsentRecord>> records = new RecordStore().recordsOf(connection, psns);
      assertEquals(500, records.size());
      var policy = PolicyCatalogue.bundled().of("LU").orElseThrow();
      for (int i = 0; i < 500; i++) {
        boolean permits =
            ConsentStates.asOf(records.get(psns.get(i)), policy, T0.plus(1, ChronoUnit.DAYS))
                .get(ConsentModule.CLINICAL_DATA)
                .permits();
        assertEquals(i % 2 == 0, permits, psns.get(i));
      }
      assertEquals(
          500, new PatientStore().findAll(connection, psns).size(), "patients in one query too");
    }
  }

  @Test
  void theGatesOneRowPerPatientHoldsExactlyTheirRecordsInOrder() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      enrol(connection, "LU-3001");
      enrol(connection, "LU-3002");
      // A site as free text (spaces, a semicolon, accents) and a minor's day of coming of age:
      // the gate's row carries both before the records.
      Patient minor =
          new Patient(
              "FR-3003",
              "FR",
              "Hôpital Civil; Strasbourg",
              Set.of(Patient.Cohort.RA, Patient.Cohort.MS),
              true,
              java.time.LocalDate.parse("2031-05-17"));
      new PatientStore().insert(connection, minor, T0, "s");
      RecordStore store = new RecordStore();
      ConsentRecord first =
          new ConsentRecord(
              UUID.randomUUID().toString(),
              "LU-3001",
              RecordKind.CONSENT,
              LU.id(),
              LU.version(),
              "de",
              LU.textSha256("en"),
              Map.of(
                  ConsentModule.CLINICAL_DATA,
                  Decision.PERMIT,
                  ConsentModule.GENETIC,
                  Decision.DENY),
              Set.of(),
              SignerKind.STAFF_PAPER,
              T0.plusNanos(123_456_000),
              Map.of(ConsentModule.CLINICAL_DATA, T0.plus(365, ChronoUnit.DAYS)));
      ConsentRecord withdrawal =
          withdrawal(
              "LU-3001",
              T0.plusSeconds(60),
              Set.of(ConsentModule.GENETIC, ConsentModule.CLINICAL_DATA));
      store.insert(connection, entry(first));
      store.insert(connection, entry(withdrawal));
      List<String> asked = List.of("LU-3001", "LU-3002", "FR-3003", "LU-9999");
      List<PatientStateStore.PatientRecords> states =
          new PatientStateStore().of(connection, asked, null);
      Map<String, List<ConsentRecord>> byPatient = new java.util.TreeMap<>();
      states.forEach(state -> byPatient.put(state.patient().psn(), state.records()));
      assertEquals(List.of("FR-3003", "LU-3001", "LU-3002"), List.copyOf(byPatient.keySet()));
      assertEquals(
          List.of(minor),
          states.stream()
              .map(PatientStateStore.PatientRecords::patient)
              .filter(minor::equals)
              .toList());
      assertEquals(
          new Patient("LU-3002", "LU", "CHL", Set.of(Patient.Cohort.IBD), false),
          states.stream()
              .map(PatientStateStore.PatientRecords::patient)
              .filter(p -> p.psn().equals("LU-3002"))
              .findFirst()
              .orElseThrow());
      assertEquals(
          store.recordsOf(connection, asked).get("LU-3001").stream()
              .map(ConsentStoresTest::stateOnly)
              .toList(),
          byPatient.get("LU-3001"));
      assertEquals(List.of(stateOnly(first), withdrawal), byPatient.get("LU-3001"));
      assertEquals(List.of(), byPatient.get("LU-3002"));
      assertEquals(
          List.of("LU-3001", "LU-3002"),
          new PatientStateStore()
              .of(connection, asked, "LU").stream()
                  .map(state -> state.patient().psn())
                  .sorted()
                  .toList(),
          "only the jurisdiction asked for");
      try (Statement statement = connection.createStatement()) {
        SQLException refused =
            assertThrows(
                SQLException.class,
                () -> statement.execute("UPDATE consent.patient_state SET records = ''"));
        assertEquals("42501", refused.getSQLState(), "only the triggers write it");
      }
    }
  }

  @Test
  void aLargeReadIsParsedOnAllCoresWithTheSameAnswer() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      List<String> psns = new java.util.ArrayList<>();
      for (int i = 0; i < ConsentParallelism.FROM + 100; i++) {
        String psn = String.format("LU-7%04d", i);
        enrol(connection, psn);
        psns.add(psn);
      }
      RecordStore store = new RecordStore();
      for (int i = 0; i < psns.size(); i += 7) {
        store.insert(
            connection,
            entry(withdrawal(psns.get(i), T0.plusSeconds(i), Set.of(ConsentModule.GENETIC))));
      }
      List<PatientStateStore.PatientRecords> read =
          new PatientStateStore().of(connection, psns, "LU");
      assertEquals(psns.size(), read.size());
      Map<String, List<ConsentRecord>> expected = store.recordsOf(connection, psns);
      for (PatientStateStore.PatientRecords state : read) {
        assertEquals(
            expected.getOrDefault(state.patient().psn(), List.of()).stream()
                .map(ConsentStoresTest::stateOnly)
                .toList(),
            state.records(),
            state.patient().psn());
      }
    }
  }

  /** A record as the gate's projection keeps it: without form, language and text digest. */
  private static ConsentRecord stateOnly(ConsentRecord record) {
    return new ConsentRecord(
        record.id(),
        record.psn(),
        record.kind(),
        null,
        null,
        null,
        null,
        record.decisions(),
        record.withdrawn(),
        record.signer(),
        record.recordedAt(),
        record.validUntil());
  }

  @Test
  void aMajorVersionAsksOnlyThoseOnAnOlderVersionAndANewConsentAnswers() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      ConsentForm v1 = ConsentForms.seedForm("de-broad-consent", Instant.now());
      Forms.publish(database, "admin", v1);
      enrol(connection, "LU-3001");
      enrol(connection, "LU-3002");
      new RecordStore().insert(connection, entry(consent("LU-3001", v1, Decision.PERMIT, T0)));
      ConsentForm v2 =
          new ConsentForm(
              v1.id(),
              2,
              v1.jurisdiction(),
              FormChange.MAJOR,
              v1.languages(),
              v1.title(),
              v1.intro(),
              v1.modules(),
              T0.plusSeconds(60));
      Forms.publish(database, "admin", v2);
      ReconsentStore reconsent = new ReconsentStore();
      assertEquals(
          1, reconsent.requestForOlderVersions(connection, v1.id(), 2, v2.publishedAt()).size());
      assertEquals(1, reconsent.open(connection, "LU-3001").size());
      assertTrue(reconsent.open(connection, "LU-3002").isEmpty());
      new RecordStore()
          .insert(connection, entry(consent("LU-3001", v2, Decision.PERMIT, T0.plusSeconds(120))));
      assertTrue(reconsent.open(connection, "LU-3001").isEmpty());
      assertEquals(
          0, reconsent.requestForOlderVersions(connection, v1.id(), 2, T0.plusSeconds(180)).size());
    }
  }

  @Test
  void onlyThePatientsLatestUnexpiredUnusedCodeWorksAndOnlyOnce() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      enrol(connection, "LU-4001");
      ActivationStore codes = new ActivationStore();
      Instant now = Instant.now();
      codes.issue(
          connection,
          "LU-4001",
          ActivationCode.hash("2222-2222-2222"),
          now,
          now.plusSeconds(60),
          "s");
      codes.issue(
          connection,
          "LU-4001",
          ActivationCode.hash("3333-3333-3333"),
          now,
          now.plusSeconds(60),
          "s");
      assertTrue(codes.usable(connection, ActivationCode.hash("2222-2222-2222"), now).isEmpty());
      var usable =
          codes.usable(connection, ActivationCode.hash("3333-3333-3333"), now).orElseThrow();
      assertTrue(
          codes
              .usable(connection, ActivationCode.hash("3333-3333-3333"), now.plusSeconds(61))
              .isEmpty());
      assertTrue(codes.link(connection, usable, "account-1", now));
      assertFalse(codes.link(connection, usable, "account-2", now));
      assertTrue(codes.usable(connection, ActivationCode.hash("3333-3333-3333"), now).isEmpty());
    }
  }

  @Test
  void everyGuardianOfAMinorHasACodeOfTheirOwnThatLinksTheirAccountOnce() throws Exception {
    try (Connection connection = database.app().getConnection()) {
      new PatientStore()
          .insert(
              connection,
              new Patient("LU-5001", "LU", "CHL", Set.of(Patient.Cohort.IBD), true),
              T0,
              "s");
      ActivationStore codes = new ActivationStore();
      Instant now = Instant.now();
      for (String code : List.of("4444-4444-4444", "5555-5555-5555")) {
        codes.issue(
            connection,
            "LU-5001",
            ActivationCode.hash(code),
            now,
            now.plusSeconds(60),
            "s",
            ActivationStore.Purpose.GUARDIAN);
      }
      var first =
          codes.usable(connection, ActivationCode.hash("4444-4444-4444"), now).orElseThrow();
      var second =
          codes.usable(connection, ActivationCode.hash("5555-5555-5555"), now).orElseThrow();
      assertEquals(ActivationStore.Purpose.GUARDIAN, first.purpose());
      assertTrue(codes.link(connection, first, "mother", now));
      assertTrue(codes.link(connection, second, "father", now));
      assertFalse(codes.link(connection, first, "someone-else", now));
      assertEquals(List.of("LU-5001"), codes.wardsOf(connection, "mother"));
      assertTrue(codes.isGuardian(connection, "father", "LU-5001"));
      assertFalse(codes.isGuardian(connection, "someone-else", "LU-5001"));
    }
  }
}
