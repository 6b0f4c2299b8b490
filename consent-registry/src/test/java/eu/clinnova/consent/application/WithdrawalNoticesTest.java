package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.DisclosureStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A withdrawal reaches the recipients of the releases that had included the patient: one letter per
 * release, in the withdrawal's transaction, naming that patient only; and each node reads its own
 * jurisdiction's withdrawals since a time, with those releases.
 */
class WithdrawalNoticesTest {

  private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
  private static final String APPLICATION = UUID.randomUUID().toString();
  private static final String BOTH = UUID.randomUUID().toString();
  private static final String SECOND_ONLY = UUID.randomUUID().toString();

  private static ConsentTestUnit unit;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = ConsentTestUnit.migrated();
    unit.enrol(
        NOW.minus(Duration.ofDays(30)),
        new Patient("LU-WD0001", "LU", "CHL", Set.of(Patient.Cohort.IBD), false),
        new Patient("LU-WD0002", "LU", "CHL", Set.of(Patient.Cohort.IBD), false));
    try (Connection connection = unit.database.app().getConnection()) {
      DisclosureStore disclosures = new DisclosureStore();
      disclosures.insertAll(
          connection,
          new Disclosure(
              BOTH,
              APPLICATION,
              "Gut study",
              "lu-ibd",
              "node-lu",
              NOW.minus(Duration.ofDays(2)),
              7),
          List.of("LU-WD0001", "LU-WD0002"));
      disclosures.insertAll(
          connection,
          new Disclosure(
              SECOND_ONLY,
              APPLICATION,
              "Gut study",
              "lu-ibd",
              "node-lu",
              NOW.minus(Duration.ofDays(1)),
              9),
          List.of("LU-WD0002"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  @Test
  void eachEarlierReleaseOfThePatientIsToldAndTheNodeOfItsJurisdictionReadsIt()
      throws SQLException {
    unit.inTransaction(
        audit,
        NOW,
        services ->
            services
                .recording()
                .withdraw(
                    Caller.patient("sub-wd1", "LU-WD0001"), "LU-WD0001", List.of(), "moving"));
    assertEquals(1, audit.only("consent.withdrawn").data().get("recipientsTold"));

    List<String> letters = letters();
    assertEquals(1, letters.size(), letters.toString());
    String letter = letters.get(0);
    assertEquals(
        "release:" + BOTH + " withdrawal-notice /research/application/" + APPLICATION,
        letter.substring(0, letter.indexOf(" {")));
    assertFalse(letter.contains("LU-WD0002"), "no other patient's data: " + letter);
    assertEquals(true, letter.contains("\"psn\": \"LU-WD0001\""), letter);
    assertEquals(true, letter.contains("\"modules\": \"*\""), letter);

    Caller luNode = Caller.staff("node-lu", Role.NODE, Jurisdiction.LU);
    List<WithdrawalNotices.Withdrawal> read =
        new WithdrawalNotices(unit.database.app()).since(luNode, NOW.minusSeconds(3600));
    assertEquals(
        List.of(
            new WithdrawalNotices.Withdrawal("LU-WD0001", List.of("*"), false, NOW, List.of(BOTH))),
        read);
    assertEquals(List.of(), new WithdrawalNotices(unit.database.app()).since(luNode, NOW), "after");
    assertEquals(
        List.of(),
        new WithdrawalNotices(unit.database.app())
            .since(Caller.staff("node-fr", Role.NODE, Jurisdiction.FR), NOW.minusSeconds(3600)));
    Refusal notANode =
        assertThrows(
            Refusal.class,
            () ->
                new WithdrawalNotices(unit.database.app())
                    .since(Caller.staff("steward", Role.DATA_STEWARD, Jurisdiction.LU), NOW));
    assertEquals(Refusal.Kind.FORBIDDEN, notANode.kind());
  }

  private static List<String> letters() throws SQLException {
    List<String> letters = new ArrayList<>();
    try (Connection connection = unit.database.app().getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT recipient || ' ' || kind || ' ' || link || ' ' || facts::text"
                        + " FROM messages.outbox WHERE kind = 'withdrawal-notice'")) {
      while (rows.next()) {
        letters.add(rows.getString(1));
      }
    }
    return letters;
  }
}
