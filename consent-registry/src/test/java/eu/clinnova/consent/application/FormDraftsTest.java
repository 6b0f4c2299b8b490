package eu.clinnova.consent.application;

import static eu.clinnova.kernel.json.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.form.FormDiff;
import eu.clinnova.consent.form.FormDocument;
import eu.clinnova.consent.form.FormPreview;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An administrator's drafts of the next version of a form: saved only as the form's next number,
 * compared with the version in force text by text with the count of patients a major version asks
 * again, and published as they stand (the count proved by the requests it makes). Real stores on a
 * real PostgreSQL.
 */
class FormDraftsTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
  private static final Caller ADMIN = Caller.staff("sub-admin", Role.ADMIN);
  private static final String FORM = "lu-research-consent";

  private static FormsTestUnit unit;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    unit = FormsTestUnit.withPatients(NOW, "LU-DRAFT001", "LU-DRAFT002", "LU-DRAFT003");
  }

  @AfterAll
  static void stop() throws Exception {
    unit.close();
  }

  private <T> T forms(Function<ConsentForms, T> work) {
    return unit.forms(audit, NOW, work);
  }

  private void consent(String psn) {
    unit.consent(audit, NOW, psn, FORM);
  }

  /** The LU seed form as version {@code version}, changed as {@code change}, a new intro in EN. */
  private static FormDocument.Parsed draft(int version, String change, String introEn) {
    JsonObject v1 = FormDocument.json(ConsentForms.seedForm(FORM, NOW));
    JsonObject intro =
        JSON.createObjectBuilder(v1.getJsonObject("intro")).add("en", introEn).build();
    return FormDocument.parse(
        JSON.createObjectBuilder(v1)
            .add("version", version)
            .add("change", change)
            .add("intro", intro)
            .build());
  }

  @Test
  void aDraftIsComparedCountedAndPublishedAsItStands() {
    forms(ConsentForms::publishSeedForms);
    consent("LU-DRAFT001");
    consent("LU-DRAFT002");
    audit.clear();

    Refusal steward =
        assertThrows(
            Refusal.class,
            () ->
                forms(
                    service ->
                        service.saveDraft(
                            Caller.staff("sub-steward", Role.DATA_STEWARD, Jurisdiction.LU),
                            FORM,
                            draft(2, "major", "New words."))));
    assertEquals(Refusal.Kind.FORBIDDEN, steward.kind());
    Refusal unknown =
        assertThrows(
            Refusal.class,
            () ->
                forms(service -> service.saveDraft(ADMIN, "no-such-form", draft(2, "major", "x"))));
    assertEquals(Refusal.Kind.NOT_FOUND, unknown.kind());
    Refusal skipping =
        assertThrows(
            Refusal.class,
            () -> forms(service -> service.saveDraft(ADMIN, FORM, draft(3, "major", "x"))));
    assertEquals("version", skipping.problems().get(0).field());

    forms(service -> service.saveDraft(ADMIN, FORM, draft(2, "minor", "First words.")));
    forms(service -> service.saveDraft(ADMIN, FORM, draft(2, "major", "New words.")));
    FormPreview preview = forms(service -> service.preview(ADMIN, FORM)).orElseThrow();
    assertEquals("sub-admin", preview.draft().savedBy());
    assertEquals(1, preview.inForce().version());
    FormDiff.Change only = preview.changes().get(0);
    assertEquals(1, preview.changes().size(), "only the English introduction changed");
    assertEquals(FormDiff.Part.INTRO, only.part());
    assertEquals("en", only.language());
    assertEquals("New words.", only.after());
    assertEquals(2, preview.askedAgainIfMajor(), "the two who consented, not the third");
    assertEquals(2, preview.askedAgain());
    assertTrue(audit.events().stream().noneMatch(e -> e.action().startsWith("consent-form")));

    ConsentForms.Published published = forms(service -> service.publishDraft(ADMIN, FORM));
    assertEquals(2, published.reconsentRequests(), "as the preview said");
    assertEquals(2, published.form().version());
    assertEquals(NOW, published.form().publishedAt());
    assertTrue(forms(service -> service.draft(ADMIN, FORM)).isEmpty(), "the draft went");
    assertEquals(
        1,
        audit.events().stream().filter(e -> e.action().equals("consent-form.published")).count());

    // A draft overtaken by a version published meanwhile is refused and kept.
    forms(service -> service.saveDraft(ADMIN, FORM, draft(3, "minor", "Draft words.")));
    forms(service -> service.publish(ADMIN, draft(3, "minor", "Published words.")));
    Refusal overtaken =
        assertThrows(Refusal.class, () -> forms(service -> service.publishDraft(ADMIN, FORM)));
    assertEquals("form-version-conflict", overtaken.code());
    assertTrue(forms(service -> service.draft(ADMIN, FORM)).isPresent());
    boolean discarded = forms(service -> service.discardDraft(ADMIN, FORM));
    assertTrue(discarded);
    assertTrue(forms(service -> service.preview(ADMIN, FORM)).isEmpty());
  }
}
