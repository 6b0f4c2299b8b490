package eu.clinnova.workflow.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.RecordedAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.workflow.WorkflowTestUnit;
import eu.clinnova.workflow.catalogue.DatasetStore;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The applicant's use cases on drafts, without a server: the real stores on a real PostgreSQL, a
 * clock set by the test, and an audit trail that keeps what the service put on the record. Each
 * call runs in a transaction of its own, as the container runs it.
 */
public class ApplicationsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123Z");
  private static final Caller APPLICANT =
      Caller.staff("sub-applicant", Role.RESEARCHER, Jurisdiction.LU);
  private static final Caller OTHER = Caller.staff("sub-other", Role.RESEARCHER);
  private static final byte[] LETTER = "%PDF-1.7 approval".getBytes(StandardCharsets.US_ASCII);

  private static WorkflowTestUnit persistence;
  private final RecordedAudit audit = new RecordedAudit();

  @BeforeAll
  static void start() throws Exception {
    persistence = WorkflowTestUnit.withDatasets();
  }

  @AfterAll
  static void stop() throws Exception {
    persistence.close();
  }

  @BeforeEach
  void forget() {
    audit.clear();
  }

  /** The service as the container wires it, over this transaction's entity manager. */
  private <T> T applications(Function<Applications, T> work) {
    return persistence.inTransaction(
        entities ->
            work.apply(
                new Applications(
                    changes(entities),
                    new ApplicationStore(entities),
                    new eu.clinnova.workflow.notification.NotificationStore(entities),
                    null))); // no process starts here: no application of these tests is approved
  }

  private ApplicantChanges changes(EntityManager entities) {
    return changes(audit, entities, NOW);
  }

  /** What the applicant's use cases share, over {@code entities}, at {@code now}. */
  public static ApplicantChanges changes(AuditTrail audit, EntityManager entities, Instant now) {
    return new ApplicantChanges(
        audit,
        new ApplicationStore(entities),
        new DatasetStore(entities),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  /** The refusal of {@code work}; fails the test if it is not refused. */
  private Refusal refused(Function<Applications, ?> work) {
    return assertThrows(Refusal.class, () -> applications(work));
  }

  private static ApplicationDocument.Parsed parsed(String json) {
    return ApplicationDocument.parse(
        eu.clinnova.kernel.json.Jsonp.JSON
            .createReader(new java.io.StringReader(json))
            .readObject());
  }

  private static ApplicationDocument.Parsed complete() {
    return new ApplicationDocument.Parsed.Valid(SubmissionChecklistTest.complete());
  }

  private static Application stored(UUID id) {
    return persistence.inTransaction(
        entities -> new ApplicationStore(entities).find(id).orElseThrow());
  }

  @Test
  void aDraftIsStoredAtTheClocksInstantWithItsEntryAndWhereTheApplicantWorks() {
    Application created =
        applications(service -> service.create(APPLICANT, "Ada", complete())).application();

    Application read = stored(created.id());
    assertEquals(ApplicationState.DRAFT, read.state());
    assertEquals("sub-applicant", read.ownerSub());
    assertEquals(List.of("LU", "CH"), read.jurisdictions());
    assertEquals(NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), read.createdAt());
    AuditEvent entry = audit.only("application.created");
    assertEquals(new AuditEvent.Subject("application", created.id().toString()), entry.subject());
    assertEquals(new AuditEvent.Actor("sub-applicant", "researcher"), entry.actor());
    assertEquals(Map.of("applicantJurisdiction", "LU", "state", "draft"), entry.data());
  }

  @Test
  void anEmptyDraftIsDeletedByItsApplicantOnlyAndThenNobodySeesIt() {
    UUID empty =
        applications(service -> service.create(APPLICANT, "Ada", parsed("{}"))).application().id();
    UUID withFile =
        applications(service -> service.create(APPLICANT, "Ada", parsed("{}"))).application().id();
    applications(
        service -> service.attach(APPLICANT, withFile, "letter.pdf", "application/pdf", LETTER));
    audit.clear();

    Caller other = Caller.staff("sub-other", Role.RESEARCHER);
    assertEquals(Refusal.Kind.NOT_FOUND, refused(service -> service.discard(other, empty)).kind());
    assertEquals(
        "draft-not-empty", refused(service -> service.discard(APPLICANT, withFile)).code());
    assertTrue(audit.events().isEmpty());

    applications(service -> service.discard(APPLICANT, empty));
    AuditEvent entry = audit.only("application.discarded");
    assertEquals(new AuditEvent.Subject("application", empty.toString()), entry.subject());
    assertTrue(
        persistence.inTransaction(entities -> new ApplicationStore(entities).find(empty)).isEmpty(),
        "a discarded draft reads as absent");
    assertEquals(
        Refusal.Kind.NOT_FOUND, refused(service -> service.discard(APPLICANT, empty)).kind());
    assertTrue(
        persistence
            .inTransaction(entities -> new ApplicationStore(entities).ownedBy("sub-applicant"))
            .stream()
            .noneMatch(application -> application.id().equals(empty)));
  }

  @Test
  void aFileIsLabelledAndRemovedByItsApplicantUnlessAnEthicsApprovalRestsOnIt() {
    UUID id =
        applications(service -> service.create(APPLICANT, "Ada", complete())).application().id();
    UUID protocol =
        applications(
                service -> service.attach(APPLICANT, id, "protocol.pdf", "application/pdf", LETTER))
            .attachment()
            .id();
    UUID letter =
        applications(
                service -> service.attach(APPLICANT, id, "letter.pdf", "application/pdf", LETTER))
            .attachment()
            .id();
    applications(
        service ->
            service.addEthicsApproval(
                APPLICANT,
                id,
                new EthicsDeclaration(
                    "LU", "CNER", "CNER 202301", "2026-01-01", "2028-01-27", letter.toString())));
    audit.clear();

    applications(service -> service.labelAttachment(APPLICANT, id, protocol, "protocol"));
    applications(service -> service.labelAttachment(APPLICANT, id, letter, "ethics-letter"));
    assertEquals(
        Map.of("attachmentId", protocol.toString(), "kind", "protocol", "state", "draft"),
        audit.events().get(0).data());
    assertEquals(
        Map.of(protocol, AttachmentKind.PROTOCOL, letter, AttachmentKind.ETHICS_LETTER),
        persistence
            .inTransaction(entities -> new ApplicationStore(entities).attachments(id))
            .stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    ApplicationAttachment::id, file -> file.kind().orElseThrow())));
    assertEquals(
        "kind",
        refused(s -> s.labelAttachment(APPLICANT, id, protocol, "cv")).problems().get(0).field());
    assertEquals(
        Refusal.Kind.NOT_FOUND,
        refused(s -> s.labelAttachment(OTHER, id, protocol, "protocol")).kind());

    assertEquals(
        "attachment-in-use", refused(s -> s.removeAttachment(APPLICANT, id, letter)).code());
    assertEquals(
        Refusal.Kind.NOT_FOUND, refused(s -> s.removeAttachment(OTHER, id, protocol)).kind());
    audit.clear();
    applications(service -> service.removeAttachment(APPLICANT, id, protocol));
    assertEquals(
        Map.of("attachmentId", protocol.toString(), "sha256", Sha256.hex(LETTER), "state", "draft"),
        audit.only("application.attachment-removed").data());
    assertEquals(
        List.of(letter),
        persistence
            .inTransaction(entities -> new ApplicationStore(entities).attachments(id))
            .stream()
            .map(ApplicationAttachment::id)
            .toList());
    // Gone for good: neither labelled nor removed again.
    assertEquals(
        Refusal.Kind.NOT_FOUND, refused(s -> s.removeAttachment(APPLICANT, id, protocol)).kind());
  }

  @Test
  void anUnknownDatasetIsRefusedAtItsFieldAndNothingIsKept() {
    Refusal refusal =
        refused(
            service ->
                service.create(
                    APPLICANT, "Ada", parsed("{\"datasets\":[\"lu-set\",\"nowhere\"]}")));

    assertEquals(Refusal.Kind.INVALID, refusal.kind());
    assertEquals(
        List.of(new FieldProblem("datasets[1]", "is not in the catalogue")), refusal.problems());
    assertTrue(audit.events().isEmpty());
  }

  @Test
  void someoneElsesDraftIsNotFoundWhateverTheyAskToWrite() {
    UUID id =
        applications(service -> service.create(APPLICANT, "Ada", complete())).application().id();
    ApplicationDocument.Parsed malformed = parsed("{\"durationMonths\":\"forever\"}");
    assertTrue(malformed instanceof ApplicationDocument.Parsed.Invalid);

    Refusal refusal = refused(service -> service.update(OTHER, id, malformed));
    assertEquals(Refusal.Kind.NOT_FOUND, refusal.kind());
    // The owner sending the same is told what is wrong, field by field.
    Refusal own = refused(service -> service.update(APPLICANT, id, malformed));
    assertEquals(Refusal.Kind.INVALID, own.kind());
    assertEquals("durationMonths", own.problems().get(0).field());
    assertEquals(List.of("application.created"), audit.actions());
  }

  @Test
  void savingADraftRecordsTheDigestOfWhatWasSaved() {
    UUID id =
        applications(service -> service.create(APPLICANT, "Ada", complete())).application().id();
    ApplicationDocument.Parsed changed =
        parsed("{\"title\":\"A new title\",\"datasets\":[\"ch-set\"]}");

    applications(service -> service.update(APPLICANT, id, changed));

    Application read = stored(id);
    assertEquals("A new title", read.document().title().orElseThrow());
    assertEquals(List.of("CH"), read.jurisdictions());
    assertEquals(
        Applications.sha256(((ApplicationDocument.Parsed.Valid) changed).document()),
        audit.only("application.edited").data().get("documentSha256"));
  }

  @Test
  void anEthicsApprovalIsCheckedFieldByFieldAndKeptWithoutItsReferenceInTheLog() {
    UUID id =
        applications(service -> service.create(APPLICANT, "Ada", complete())).application().id();
    UUID letter =
        applications(
                service -> service.attach(APPLICANT, id, "letter.pdf", "application/pdf", LETTER))
            .attachment()
            .id();

    Refusal refusal =
        refused(
            service ->
                service.addEthicsApproval(
                    APPLICANT,
                    id,
                    new EthicsDeclaration(
                        "XX",
                        " ",
                        "CNER 202301",
                        "2026-01-01",
                        "2025-12-31",
                        UUID.randomUUID().toString())));
    assertEquals(
        List.of("jurisdiction", "committee", "validUntil", "validUntil", "attachmentId"),
        refusal.problems().stream().map(FieldProblem::field).toList());
    Refusal luForm =
        refused(
            service ->
                service.addEthicsApproval(
                    APPLICANT,
                    id,
                    new EthicsDeclaration(
                        "LU", "CNER", "BASEC 17", "2026-01-01", "27/01/2028", null)));
    assertEquals(
        List.of("reference", "validUntil", "attachmentId"),
        luForm.problems().stream().map(FieldProblem::field).toList());

    EthicsApproval approval =
        applications(
                service ->
                    service.addEthicsApproval(
                        APPLICANT,
                        id,
                        new EthicsDeclaration(
                            "LU",
                            " Comité National d'Éthique de Recherche ",
                            "CNER 202301",
                            "2026-01-01",
                            "2028-01-27",
                            letter.toString())))
            .approval();

    assertEquals("Comité National d'Éthique de Recherche", approval.committee());
    assertEquals(
        List.of(approval.id()),
        persistence.inTransaction(entities -> new ApplicationStore(entities).ethics(id)).stream()
            .map(EthicsApproval::id)
            .toList());
    Map<String, Object> facts = audit.only("application.ethics-approval-added").data();
    assertEquals(Sha256.hex("CNER 202301"), facts.get("referenceSha256"));
    assertFalse(facts.containsValue("CNER 202301"));
    assertEquals(letter.toString(), facts.get("attachmentId"));
  }
}
