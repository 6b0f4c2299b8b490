package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormChange;
import eu.clinnova.testing.TestDatabase;
import eu.clinnova.testing.TestPersistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Form versions through the consent unit, on the migrated schema: a form reads back as published
 * (texts and their digests included), the latest version of each is active, and a published version
 * cannot be changed.
 */
class FormStoreTest {

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.250Z");
  private static final ConsentForm DE_1 = ConsentForms.seedForm("de-broad-consent", T0);
  private static final ConsentForm DE_2 =
      new ConsentForm(
          DE_1.id(),
          2,
          DE_1.jurisdiction(),
          FormChange.MINOR,
          DE_1.languages(),
          DE_1.title(),
          DE_1.intro(),
          DE_1.modules(),
          T0.plusSeconds(60));
  private static final ConsentForm LU_1 = ConsentForms.seedForm("lu-research-consent", T0);

  private static TestDatabase database;
  private static TestPersistence unit;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
    unit = TestPersistence.unit("consent", database);
    Forms.publish(database, "admin-sub", DE_1, LU_1);
    unit.run(
        entities -> {
          FormStore forms = new FormStore(entities);
          forms.lockForPublishing(DE_2.id());
          forms.insert(DE_2, "admin-sub");
        });
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
    database.close();
  }

  @Test
  void aVersionReadsBackAsPublished() {
    ConsentForm read =
        unit.inTransaction(entities -> new FormStore(entities).find(DE_1.id(), 1)).orElseThrow();
    assertEquals(DE_1.publishedAt(), read.publishedAt());
    assertEquals(DE_1.textSha256("de"), read.textSha256("de"));
    assertEquals(DE_1.modules(), read.modules());
    assertEquals(
        Optional.empty(),
        unit.inTransaction(entities -> new FormStore(entities).find("x-form", 1)));
  }

  @Test
  void theLatestVersionOfEachFormIsActive() {
    assertEquals(
        2,
        unit.inTransaction(entities -> new FormStore(entities).latest(DE_1.id()))
            .orElseThrow()
            .version());
    List<String> active =
        unit.inTransaction(entities -> new FormStore(entities).active()).stream()
            .map(form -> form.id() + "/" + form.version())
            .toList();
    assertEquals(List.of("de-broad-consent/2", "lu-research-consent/1"), active);
  }

  @Test
  void aPublishedVersionCannotBeChanged() throws SQLException {
    try (Connection connection = database.app().getConnection();
        Statement statement = connection.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> statement.execute("UPDATE consent.form SET published_by = 'someone'"));
      assertEquals("42501", refused.getSQLState());
    }
  }
}
