package eu.clinnova.consent.application;

import static eu.clinnova.kernel.json.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.form.FormDocument;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publishing consent forms without a server: the seed forms once, the next version only, and a
 * major version asking again exactly the patients whose consent rests on an older one (recorded by
 * {@link ConsentRecording}, as patients do). Real stores on a real PostgreSQL, a set clock, and an
 * audit trail that keeps what was put on the record.
 */
class ConsentFormsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private static final Caller ADMIN = Caller.staff("sub-admin", Role.ADMIN);

  private static FormsTestUnit unit;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = FormsTestUnit.withPatients(NOW, "LU-FORM0001", "LU-FORM0002", "LU-FORM0003");
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  private <T> T forms(Function<ConsentForms, T> work) {
    return unit.forms(audit, NOW, work);
  }

  private void consent(String psn) {
    unit.consent(audit, NOW, psn, "lu-research-consent");
  }

  /** The LU seed form as version {@code version}, changed as {@code change}. */
  private static FormDocument.Parsed luVersion(int version, String change) {
    JsonObject v1 = FormDocument.json(ConsentForms.seedForm("lu-research-consent", NOW));
    return FormDocument.parse(
        JSON.createObjectBuilder(v1).add("version", version).add("change", change).build());
  }

  @Test
  void formsArePublishedOnceAtTheNextVersionAndAMajorOneAsksConsentedPatientsAgain()
      throws Exception {
    assertEquals(4, (int) forms(service -> service.publishSeedForms().size()));
    assertEquals(0, (int) forms(service -> service.publishSeedForms().size()), "once");
    assertEquals(
        Set.copyOf(ConsentForms.SEED_FORMS),
        Set.copyOf(
            audit.events().stream()
                .filter(entry -> entry.action().equals("consent-form.published"))
                .map(entry -> entry.data().get("formId"))
                .toList()));
    consent("LU-FORM0001");
    consent("LU-FORM0002");
    audit.clear();

    Refusal notAdmin =
        assertThrows(
            Refusal.class,
            () ->
                forms(
                    service ->
                        service.publish(
                            Caller.staff("sub-steward", Role.DATA_STEWARD, Jurisdiction.LU),
                            luVersion(2, "major"))));
    assertEquals(Refusal.Kind.FORBIDDEN, notAdmin.kind());
    Refusal skipped =
        assertThrows(
            Refusal.class, () -> forms(service -> service.publish(ADMIN, luVersion(3, "major"))));
    assertEquals("form-version-conflict", skipped.code());
    assertTrue(audit.events().isEmpty());

    ConsentForms.Published major = forms(service -> service.publish(ADMIN, luVersion(2, "major")));
    assertEquals(2, major.reconsentRequests(), "the two who consented, not the third");
    assertEquals(
        List.of("patient:LU-FORM0001 /patient", "patient:LU-FORM0002 /patient"),
        unit.letters("reconsent-requested"),
        "each is told by e-mail, in the same transaction");
    AuditEvent entry = audit.only("consent-form.published");
    assertEquals(new AuditEvent.Subject("consent-form", "lu-research-consent/2"), entry.subject());
    assertEquals(2, entry.data().get("reconsentRequests"));
    assertEquals("major", entry.data().get("change"));

    ConsentForms.Published minor = forms(service -> service.publish(ADMIN, luVersion(3, "minor")));
    assertEquals(0, minor.reconsentRequests(), "wording only: consent stands");
    assertEquals(
        3, forms(service -> service.latest("lu-research-consent")).orElseThrow().version());
  }
}
