package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.infrastructure.PatientStateStore.PatientRecords;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release gate's copy of the patients' states (ADR 0015), on a real PostgreSQL: whatever the
 * copy's age, a read through it gives exactly what the table gives in the reader's snapshot, a
 * withdrawal committed before that snapshot included and one committed after it excluded; a copy
 * that cannot answer for a snapshot says so instead of answering.
 */
class PatientStateCopyTest {

  static TestDatabase database;
  static final List<String> PSNS = new ArrayList<>();
  static final ConsentForm LU = ConsentForms.seedForm("lu-research-consent", Instant.now());
  static final int CAPACITY = 10_000;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
    try (Connection connection = database.app().getConnection()) {
      Forms.publish(database, "admin-sub", LU);
      for (int i = 0; i < 600; i++) {
        String psn = String.format("LU-7%04d", i);
        Patient patient =
            switch (i % 4) {
              case 0 -> new Patient(psn, "LU", "CHL", Set.of(Patient.Cohort.IBD), false);
              case 1 ->
                  new Patient(
                      psn,
                      "LU",
                      "Hôpital Kirchberg; Süd",
                      Set.of(Patient.Cohort.IBD, Patient.Cohort.MS),
                      true,
                      LocalDate.of(2031, 2, 28));
              case 2 -> new Patient(psn, "LU", "CHL", Set.of(Patient.Cohort.RA), true);
              default -> new Patient(psn, "LU", "LIH", Set.of(Patient.Cohort.MS), false);
            };
        new PatientStore().insert(connection, patient, ConsentStoresTest.T0, "s");
        PSNS.add(psn);
        if (i % 5 != 0) {
          record(
              connection,
              ConsentStoresTest.consent(
                  psn,
                  LU,
                  i % 3 == 0 ? Decision.DENY : Decision.PERMIT,
                  ConsentStoresTest.T0.plusSeconds(i)));
        }
      }
      // Another jurisdiction's patients, asked for with the others: the copy holds everyone.
      for (int i = 0; i < 50; i++) {
        String psn = String.format("FR-7%04d", i);
        new PatientStore()
            .insert(
                connection,
                new Patient(psn, "FR", "CHRU", Set.of(Patient.Cohort.RA), false),
                ConsentStoresTest.T0,
                "s");
        PSNS.add(psn);
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void theCopyReadsExactlyWhatTheTableReads() throws Exception {
    PatientStateCopy copy = refreshed(new PatientStateCopy());
    List<String> asked = new ArrayList<>(PSNS);
    asked.add("LU-99999"); // unknown
    try (Connection caller = Snapshots.taken(database.app())) {
      assertTrue(copy.read(caller, asked).isPresent(), "a fresh copy answers");
      assertEquals(tableRead(caller, asked, null), copyRead(copy, caller, asked, null));
      assertEquals(tableRead(caller, asked, "LU"), copyRead(copy, caller, asked, "LU"));
      Map<String, PatientRecords> read = copyRead(copy, caller, asked, "LU");
      assertFalse(read.containsKey("LU-99999"));
      assertFalse(read.containsKey("FR-70001"));
      Patient minor = read.get("LU-70001").patient();
      assertEquals("Hôpital Kirchberg; Süd", minor.site());
      assertEquals(LocalDate.of(2031, 2, 28), minor.adultOn());
      assertTrue(minor.minor());
      caller.rollback();
    }
  }

  @Test
  void aWithdrawalCommittedAfterTheCopyWasTakenIsReadFromTheTable() throws Exception {
    PatientStateCopy copy = refreshed(new PatientStateCopy());
    String psn = PSNS.get(101);
    int before = recordsOf(psn);
    try (Connection other = database.app().getConnection()) {
      record(other, withdrawal(psn));
    }
    try (Connection caller = Snapshots.taken(database.app())) {
      Map<String, PatientRecords> read = copyRead(copy, caller, PSNS, "LU");
      assertEquals(before + 1, read.get(psn).records().size());
      assertEquals(tableRead(caller, PSNS, "LU"), read);
      caller.rollback();
    }
  }

  @Test
  void aCopyTakenAfterTheReadersSnapshotIsNotUsedButTheOneBeforeItIs() throws Exception {
    PatientStateCopy copy = refreshed(new PatientStateCopy());
    String psn = PSNS.get(102);
    try (Connection caller = Snapshots.taken(database.app())) {
      int before = recordsOf(caller, psn);
      try (Connection other = database.app().getConnection()) {
        record(other, withdrawal(psn)); // after the caller's snapshot: not for the caller
      }
      refreshed(copy); // this copy sees the withdrawal; the one before it does not
      Optional<List<PatientEntries.Entry>> found = copy.read(caller, PSNS);
      assertTrue(found.isPresent(), "the copy before the newest still answers");
      Map<String, PatientRecords> read = copyRead(copy, caller, PSNS, "LU");
      assertEquals(before, read.get(psn).records().size());
      assertEquals(tableRead(caller, PSNS, "LU"), read);

      refreshed(copy); // now both copies kept are newer than the caller's snapshot
      assertTrue(copy.read(caller, PSNS).isEmpty(), "no copy answers for an older snapshot");
      caller.rollback();
    }
  }

  @Test
  void aPatientEnrolledAfterTheCopyWasTakenIsFound() throws Exception {
    PatientStateCopy copy = refreshed(new PatientStateCopy());
    String psn = "LU-7NEW1";
    try (Connection other = database.app().getConnection()) {
      ConsentStoresTest.enrol(other, psn);
      record(
          other,
          ConsentStoresTest.consent(psn, LU, Decision.PERMIT, ConsentStoresTest.T0.plusSeconds(5)));
    }
    List<String> asked = new ArrayList<>(PSNS);
    asked.add(psn);
    try (Connection caller = Snapshots.taken(database.app())) {
      Map<String, PatientRecords> read = copyRead(copy, caller, asked, "LU");
      assertEquals(1, read.get(psn).records().size());
      assertEquals(tableRead(caller, asked, "LU"), read);
      caller.rollback();
    }
  }

  @Test
  void tooMuchWrittenSinceTheCopyMeansTheTableIsReadUntilTheCopyIsRefreshed() throws Exception {
    PatientStateCopy copy = refreshed(new PatientStateCopy(3));
    try (Connection other = database.app().getConnection()) {
      for (int i = 110; i < 114; i++) {
        record(other, withdrawal(PSNS.get(i)));
      }
    }
    try (Connection caller = Snapshots.taken(database.app())) {
      assertTrue(copy.read(caller, PSNS).isEmpty(), "four rows written, three allowed");
      caller.rollback();
    }
    refreshed(copy);
    try (Connection caller = Snapshots.taken(database.app())) {
      assertTrue(copy.read(caller, PSNS).isPresent());
      assertEquals(tableRead(caller, PSNS, "LU"), copyRead(copy, caller, PSNS, "LU"));
      caller.rollback();
    }
  }

  @Test
  void aRegistryLargerThanTheCapacityIsNotCopied() throws Exception {
    PatientStateCopy copy = new PatientStateCopy();
    try (Connection connection = database.app().getConnection()) {
      copy.refresh(connection, 10);
    }
    assertFalse(copy.loaded());
    try (Connection caller = Snapshots.taken(database.app())) {
      assertTrue(copy.read(caller, PSNS).isEmpty());
      caller.rollback();
    }
    copy = refreshed(copy);
    assertTrue(copy.loaded());
    copy.drop();
    assertFalse(copy.loaded());
  }

  @Test
  void aRowTheCopyCannotHoldFailsTheLoadOnceNotEverySecond() throws Exception {
    String psn = PSNS.get(3);
    try (Connection owner = database.owner().getConnection();
        Statement sql = owner.createStatement()) {
      sql.execute("UPDATE consent.patient_state SET cohorts = '{MS,Ä}' WHERE psn = '" + psn + "'");
      try {
        PatientStateCopy copy = new PatientStateCopy();
        try (Connection connection = database.app().getConnection()) {
          assertThrows(IllegalStateException.class, () -> copy.refresh(connection, CAPACITY));
          copy.refresh(connection, CAPACITY); // too soon to read it all again: nothing happens
        }
        assertFalse(copy.loaded());
      } finally {
        sql.execute("UPDATE consent.patient_state SET cohorts = '{MS}' WHERE psn = '" + psn + "'");
      }
    }
  }

  @Test
  void writesAndRefreshesInAnyOrderNeverChangeWhatAReaderReads() throws Exception {
    PatientStateCopy copy = refreshed(new PatientStateCopy());
    Random random = new Random(42);
    for (int round = 0; round < 30; round++) {
      try (Connection other = database.app().getConnection()) {
        for (int w = random.nextInt(4); w > 0; w--) {
          record(other, withdrawal(PSNS.get(200 + random.nextInt(300))));
        }
      }
      if (random.nextBoolean()) {
        refreshed(copy);
      }
      try (Connection caller = Snapshots.taken(database.app())) {
        if (random.nextBoolean()) {
          try (Connection other = database.app().getConnection()) {
            record(other, withdrawal(PSNS.get(200 + random.nextInt(300))));
          }
          refreshed(copy);
        }
        if (copy.read(caller, PSNS).isPresent()) {
          assertEquals(
              tableRead(caller, PSNS, "LU"), copyRead(copy, caller, PSNS, "LU"), "round " + round);
        }
        caller.rollback();
      }
    }
  }

  /** Through the read the gate makes: {@link SharedSnapshotRead}, which must not ask a helper. */
  private static Map<String, PatientRecords> copyRead(
      PatientStateCopy copy, Connection caller, List<String> asked, String jurisdiction)
      throws SQLException {
    SharedSnapshotRead read =
        new SharedSnapshotRead(
            database.app(),
            task -> {
              throw new AssertionError("a read the copy answers asks no helper");
            },
            copy);
    return SharedSnapshotReadTest.byPsn(read.of(caller, asked, jurisdiction, Function.identity()));
  }

  private static Map<String, PatientRecords> tableRead(
      Connection caller, List<String> asked, String jurisdiction) throws SQLException {
    return SharedSnapshotReadTest.byPsn(new PatientStateStore().of(caller, asked, jurisdiction));
  }

  private static PatientStateCopy refreshed(PatientStateCopy copy) throws SQLException {
    try (Connection connection = database.app().getConnection()) {
      copy.refresh(connection, CAPACITY);
    }
    assertTrue(copy.loaded());
    return copy;
  }

  private static int recordsOf(String psn) throws SQLException {
    try (Connection connection = Snapshots.taken(database.app())) {
      int records = recordsOf(connection, psn);
      connection.rollback();
      return records;
    }
  }

  private static int recordsOf(Connection connection, String psn) throws SQLException {
    return new PatientStateStore().of(connection, List.of(psn), null).get(0).records().size();
  }

  private static void record(Connection connection, ConsentRecord record) throws SQLException {
    new RecordStore().insert(connection, ConsentStoresTest.entry(record));
  }

  private static ConsentRecord withdrawal(String psn) {
    return ConsentStoresTest.withdrawal(
        psn, ConsentStoresTest.T0.plusSeconds(100_000), Set.of(ConsentModule.COMMERCIAL));
  }
}
