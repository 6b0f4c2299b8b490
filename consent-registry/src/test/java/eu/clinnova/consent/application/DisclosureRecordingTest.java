package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.domain.Patient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A release tells, in its own transaction, each included patient who asked to know (their
 * preference), and nobody else: not those who did not ask, not those it did not include.
 */
class DisclosureRecordingTest {

  private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
  private static ConsentTestUnit unit;

  @BeforeAll
  static void start() throws Exception {
    unit = ConsentTestUnit.migrated();
    unit.enrol(
        AT.minusSeconds(86_400),
        new Patient("LU-RM0001", "LU", "CHL", Set.of(Patient.Cohort.IBD), false),
        new Patient("LU-RM0002", "LU", "CHL", Set.of(Patient.Cohort.IBD), false),
        new Patient("LU-RM0003", "LU", "CHL", Set.of(Patient.Cohort.IBD), false));
    try (Connection connection = unit.database.app().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO messages.preference (account, psn, language, email_tasks,"
                    + " email_decisions, email_releases_of_my_data, updated_at)"
                    + " VALUES (?, ?, 'fr', true, true, ?, now())")) {
      for (String[] row :
          new String[][] {
            {"sub-1", "LU-RM0001", "true"},
            {"sub-2", "LU-RM0002", "false"},
            {"sub-3", "LU-RM0003", "true"}
          }) {
        insert.setString(1, row[0]);
        insert.setString(2, row[1]);
        insert.setBoolean(3, Boolean.parseBoolean(row[2]));
        insert.executeUpdate();
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  @Test
  void onlyTheIncludedPatientsWhoAskedAreTold() throws Exception {
    String application = UUID.randomUUID().toString();
    try (Connection connection = unit.database.app().getConnection()) {
      new DisclosureRecording()
          .record(
              connection,
              new Disclosure(
                  UUID.randomUUID().toString(),
                  application,
                  "Gut study",
                  "lu-ibd",
                  "node-lu",
                  AT,
                  3),
              List.of("LU-RM0001", "LU-RM0002"));
    }
    List<String> letters = new ArrayList<>();
    try (Connection connection = unit.database.app().getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT recipient || ' ' || link || ' ' || (facts ->> 'title') || ' '"
                        + " || (facts ->> 'released') || ' ' || application_id"
                        + " FROM messages.outbox WHERE kind = 'release-of-my-data'")) {
      while (rows.next()) {
        letters.add(rows.getString(1));
      }
    }
    assertEquals(
        List.of("patient:LU-RM0001 /consent/disclosures Gut study 2026-12-05 " + application),
        letters,
        "LU-RM0002 did not ask; LU-RM0003 asked but was not included");
  }
}
