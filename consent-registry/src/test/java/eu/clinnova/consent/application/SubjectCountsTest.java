package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.infrastructure.Forms;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.consent.infrastructure.RecordStore;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The count shown to applicants and reviewers: the patients of the dataset's jurisdiction and
 * cohort whose consent permits every module needed, as the gate folds it; kept ten minutes; shown
 * to two figures, and not at all below ten.
 */
class SubjectCountsTest {

  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  private static final ConsentForm LU = ConsentForms.seedForm("lu-research-consent", Instant.now());
  private static TestDatabase database;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
    try (Connection connection = database.app().getConnection()) {
      Forms.publish(database, "admin-sub", LU);
      for (int i = 0; i < 40; i++) {
        String psn = String.format("LU-C%04d", i);
        Set<Patient.Cohort> cohorts =
            i < 30 ? Set.of(Patient.Cohort.IBD) : Set.of(Patient.Cohort.MS);
        new PatientStore()
            .insert(connection, new Patient(psn, "LU", "CHL", cohorts, false), T0, "s");
        // Everyone permits CLINICAL-DATA; every third also AI-TRAINING.
        record(connection, psn, i % 3 == 0 ? Decision.PERMIT : Decision.DENY, T0);
      }
      // Another jurisdiction's patients of the same cohort do not count.
      new PatientStore()
          .insert(
              connection,
              new Patient("FR-C0001", "FR", "CHRU", Set.of(Patient.Cohort.IBD), false),
              T0,
              "s");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void countsThePatientsOfTheCohortWhoPermitEveryModuleNeeded() throws Exception {
    MutableClock clock = new MutableClock(T0.plusSeconds(60));
    SubjectCounts counts = new SubjectCounts(database.app(), clock);
    SubjectCounts.SubjectCount clinical =
        counts.of("LU", "IBD", Set.of(ConsentModule.CLINICAL_DATA));
    assertEquals(30, clinical.inCohort());
    assertEquals(30, clinical.permitting());
    SubjectCounts.SubjectCount ai =
        counts.of("LU", "IBD", Set.of(ConsentModule.CLINICAL_DATA, ConsentModule.AI_TRAINING));
    assertEquals(10, ai.permitting(), "i = 0, 3, ..., 27");
    assertEquals(
        0,
        counts.of("LU", "IBD", Set.of(ConsentModule.GENETIC)).permitting(),
        "no one decided GENETIC");

    // A withdrawal shows once the kept count is ten minutes old, not before.
    try (Connection connection = database.app().getConnection()) {
      new RecordStore()
          .insert(
              connection,
              entry(
                  new ConsentRecord(
                      UUID.randomUUID().toString(),
                      "LU-C0000",
                      RecordKind.WITHDRAWAL,
                      null,
                      null,
                      null,
                      null,
                      Map.of(),
                      Set.of(),
                      SignerKind.SELF,
                      T0.plusSeconds(120),
                      Map.of())));
    }
    clock.now = T0.plusSeconds(180);
    assertEquals(
        10,
        counts
            .of("LU", "IBD", Set.of(ConsentModule.AI_TRAINING, ConsentModule.CLINICAL_DATA))
            .permitting());
    clock.now = T0.plusSeconds(60).plus(SubjectCounts.KEPT);
    assertEquals(
        9,
        counts
            .of("LU", "IBD", Set.of(ConsentModule.CLINICAL_DATA, ConsentModule.AI_TRAINING))
            .permitting());
  }

  @Test
  void figuresAreShownToTwoSignificantFiguresAndNotBelowTen() {
    assertEquals(1_200, new SubjectCounts.SubjectCount(5_000, 1_234, T0).permittingShown());
    assertEquals(5_000, new SubjectCounts.SubjectCount(5_049, 1_234, T0).inCohortShown());
    assertEquals(56, new SubjectCounts.SubjectCount(99, 56, T0).permittingShown());
    assertEquals(99, new SubjectCounts.SubjectCount(99, 99, T0).permittingShown());
    assertEquals(1_000, new SubjectCounts.SubjectCount(995, 995, T0).permittingShown());
    SubjectCounts.SubjectCount few = new SubjectCounts.SubjectCount(40, 9, T0);
    assertTrue(few.fewerThanShown());
    assertEquals(0, few.permittingShown());
    assertFalse(new SubjectCounts.SubjectCount(40, 10, T0).fewerThanShown());
  }

  private static void record(Connection connection, String psn, Decision ai, Instant at)
      throws Exception {
    new RecordStore()
        .insert(
            connection,
            entry(
                new ConsentRecord(
                    UUID.randomUUID().toString(),
                    psn,
                    RecordKind.CONSENT,
                    LU.id(),
                    LU.version(),
                    "en",
                    LU.textSha256("en"),
                    Map.of(
                        ConsentModule.CLINICAL_DATA,
                        Decision.PERMIT,
                        ConsentModule.AI_TRAINING,
                        ai),
                    Set.of(),
                    SignerKind.SELF,
                    at,
                    Map.of())));
  }

  private static RecordEntry entry(ConsentRecord record) {
    return new RecordEntry(
        record, Optional.empty(), "sub", "patient", Optional.empty(), Optional.empty());
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
