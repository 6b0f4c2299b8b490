package eu.clinnova.workflow.application;

import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.EvidenceType;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.SafeFileName;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewGroups;
import eu.clinnova.workflow.process.ReviewProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.engine.RuntimeService;

/**
 * What applicants do with a draft: create it, save it as typed, attach files, declare ethics
 * approvals. Submitting is {@link Submissions}', withdrawing {@link Withdrawals}', accepting the
 * agreement {@link AgreementAcceptance}'. Each change and its audit entry commit together.
 */
@ApplicationScoped
public class Applications {

  /** Largest attachment accepted: 20 MB. */
  public static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

  /** A change made, with its audit entry (logged once the transaction commits). */
  public record Changed(Application application, PendingAudit audit) {}

  public record Attached(ApplicationAttachment attachment, PendingAudit audit) {}

  public record EthicsAdded(EthicsApproval approval, PendingAudit audit) {}

  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();

  private final ApplicantChanges changes;
  private final ApplicationStore applications;
  private final NotificationStore notifications;
  private final RuntimeService runtime;

  @Inject
  public Applications(
      ApplicantChanges changes,
      ApplicationStore applications,
      NotificationStore notifications,
      RuntimeService runtime) {
    this.changes = changes;
    this.applications = applications;
    this.notifications = notifications;
    this.runtime = runtime;
  }

  /** For CDI's client proxy only. */
  protected Applications() {
    this(null, null, null, null);
  }

  /** A new draft of {@code draft} (parsed at the edge; refused here if it did not parse). */
  @Transactional
  public Changed create(Caller caller, String ownerName, ApplicationDocument.Parsed draft) {
    ApplicationDocument document = valid(draft);
    Map<String, Dataset> known = changes.knownDatasets(document);
    Instant now = changes.now();
    Application application =
        new Application(
            UUID.randomUUID(),
            caller.subject(),
            ownerName,
            ApplicationState.DRAFT,
            document,
            SubmissionChecklist.jurisdictions(document, known),
            0,
            Optional.empty(),
            now,
            now);
    applications.insert(application);
    // Where the applicant works decides whether a release to them crosses a border (ADR 0012).
    Optional<String> home = applicantJurisdiction(caller);
    if (home.isPresent()) {
      applications.recordApplicantJurisdiction(application.id(), home.get());
    }
    changes.event(application, "created", null, caller, Role.RESEARCHER, null, null);
    return new Changed(
        application,
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.created",
            application,
            home.<Map<String, Object>>map(code -> Map.of("applicantJurisdiction", code))
                .orElse(Map.of())));
  }

  /**
   * The applicant deletes a draft never submitted that holds no document (uploaded files and ethics
   * approvals are evidence, kept). The row stays as a tombstone nobody sees; the log keeps {@code
   * application.discarded}.
   */
  @Transactional
  public Changed discard(Caller caller, UUID id) {
    Application application = changes.ownApplication(caller, id);
    if (application.state() != ApplicationState.DRAFT
        || application.revision() != 0
        || !applications.attachments(id).isEmpty()
        || !applications.ethics(id).isEmpty()) {
      throw Refusal.conflict(
          "draft-not-empty",
          "Only a draft that was never submitted and holds no document can be deleted;"
              + " withdraw a submitted application instead.");
    }
    Application discarded =
        new Application(
            application.id(),
            application.ownerSub(),
            application.ownerName(),
            ApplicationState.DISCARDED,
            application.document(),
            application.jurisdictions(),
            application.revision(),
            application.processInstanceId(),
            application.createdAt(),
            changes.now(),
            application.amends(),
            application.renewal());
    applications.update(discarded);
    return new Changed(
        discarded,
        changes.audit(caller, Role.RESEARCHER, "application.discarded", discarded, Map.of()));
  }

  /** Saves the draft as it is typed: any shape-valid content, complete or not. */
  @Transactional
  public Changed update(Caller caller, UUID id, ApplicationDocument.Parsed draft) {
    // Whose it is and whether it can change come first: someone else's input says nothing.
    Application application = changes.ownApplication(caller, id);
    if (!application.state().isEditable()) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": it can no longer be edited.");
    }
    ApplicationDocument document = valid(draft);
    Map<String, Dataset> known = changes.knownDatasets(document);
    Application saved =
        new Application(
            application.id(),
            application.ownerSub(),
            application.ownerName(),
            application.state(),
            document,
            application.revision() == 0
                ? SubmissionChecklist.jurisdictions(document, known)
                : application.jurisdictions(),
            application.revision(),
            application.processInstanceId(),
            application.createdAt(),
            changes.now(),
            application.amends(),
            application.renewal());
    applications.update(saved);
    return new Changed(
        saved,
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.edited",
            saved,
            Map.of("documentSha256", sha256(document))));
  }

  @Transactional
  public Attached attach(
      Caller caller, UUID id, String fileName, String declaredType, byte[] content) {
    Application application = changes.ownApplication(caller, id);
    if (!application.state().isEditable() && application.state() != ApplicationState.APPROVED) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": nothing can be attached.");
    }
    if (content.length == 0) {
      throw Refusal.invalid("file", "is empty");
    }
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw tooLarge();
    }
    String mediaType =
        EvidenceType.required(content, declaredType, "attachment-type", "An attachment");
    // Stored under a name that cannot pass for another type or a path (issue 16).
    String name = SafeFileName.of(fileName, mediaType);
    ApplicationAttachment attachment =
        new ApplicationAttachment(
            UUID.randomUUID(),
            id,
            name,
            mediaType,
            content.length,
            Sha256.hex(content),
            changes.now());
    applications.insertAttachment(attachment, content, caller.subject());
    return new Attached(
        attachment,
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.attachment-added",
            application,
            Map.of(
                "attachmentId", attachment.id().toString(),
                "sha256", attachment.sha256(),
                "size", attachment.size())));
  }

  /**
   * The applicant says what a file is (protocol, ethics approval letter...), while they can attach
   * files; the latest word counts. Log {@code application.attachment-labelled}.
   */
  @Transactional
  public Attached labelAttachment(Caller caller, UUID id, UUID attachmentId, String kindCode) {
    Application application = changes.ownApplication(caller, id);
    if (!application.state().isEditable() && application.state() != ApplicationState.APPROVED) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": its files cannot change.");
    }
    AttachmentKind kind =
        AttachmentKind.fromCode(kindCode == null ? "" : kindCode)
            .orElseThrow(
                () ->
                    Refusal.invalid(
                        "kind",
                        "must be one of protocol, ethics-letter, data-management-plan, team,"
                            + " other"));
    ApplicationAttachment attachment = attachmentOf(id, attachmentId);
    applications.insertAttachmentChange(id, attachmentId, kind, changes.now(), caller.subject());
    return new Attached(
        attachment.withKind(Optional.of(kind)),
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.attachment-labelled",
            application,
            Map.of("attachmentId", attachmentId.toString(), "kind", kind.code())));
  }

  /**
   * The applicant removes a file uploaded by mistake while the application can be edited (draft, or
   * returned for changes), unless an ethics approval rests on it: nobody sees it any more, and the
   * log keeps {@code application.attachment-removed} with its hash. The bytes stay with the
   * application's evidence, like every revision of it.
   */
  @Transactional
  public Attached removeAttachment(Caller caller, UUID id, UUID attachmentId) {
    Application application = changes.ownApplication(caller, id);
    if (!application.state().isEditable()) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": its files cannot be removed.");
    }
    ApplicationAttachment attachment = attachmentOf(id, attachmentId);
    if (applications.ethics(id).stream()
        .anyMatch(approval -> approval.attachmentId().equals(attachmentId))) {
      throw Refusal.conflict(
          "attachment-in-use",
          "An ethics approval rests on this file: declare the approval with another file first.");
    }
    applications.insertAttachmentChange(id, attachmentId, null, changes.now(), caller.subject());
    return new Attached(
        attachment,
        changes.audit(
            caller,
            Role.RESEARCHER,
            "application.attachment-removed",
            application,
            Map.of("attachmentId", attachmentId.toString(), "sha256", attachment.sha256())));
  }

  private ApplicationAttachment attachmentOf(UUID id, UUID attachmentId) {
    return applications.attachments(id).stream()
        .filter(file -> file.id().equals(attachmentId))
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("No such attachment."));
  }

  public static Refusal tooLarge() {
    return new Refusal(
        Refusal.Kind.TOO_LARGE,
        "attachment-too-large",
        "An attachment may be at most 20 MB.",
        List.of());
  }

  /**
   * Declares an ethics approval for a jurisdiction; the latest per jurisdiction counts. Allowed
   * while the application can be edited, and after approval (a renewal).
   */
  @Transactional
  public EthicsAdded addEthicsApproval(Caller caller, UUID id, EthicsDeclaration declared) {
    Application application = changes.ownApplication(caller, id);
    if (!application.state().isEditable() && application.state() != ApplicationState.APPROVED) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": approvals cannot be added.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String jurisdiction = declared.jurisdiction();
    Optional<JurisdictionPolicy> policy =
        jurisdiction == null ? Optional.empty() : POLICIES.of(jurisdiction);
    if (policy.isEmpty()) {
      problems.add(new FieldProblem("jurisdiction", "must be one of LU, FR, DE, CH"));
    }
    String committee = declared.committee();
    if (committee == null || committee.isBlank() || committee.length() > 200) {
      problems.add(
          new FieldProblem("committee", "must name the committee (at most 200 characters)"));
    }
    String reference = declared.reference();
    if (reference == null || reference.isBlank() || reference.length() > 60) {
      problems.add(new FieldProblem("reference", "must be given (at most 60 characters)"));
    } else if (policy.isPresent() && !policy.get().acceptsEthicsReference(reference.strip())) {
      problems.add(
          new FieldProblem(
              "reference",
              "does not have the form of a reference of " + policy.get().ethicsBody()));
    }
    LocalDate from = date(declared.validFrom(), "validFrom", problems);
    LocalDate until = date(declared.validUntil(), "validUntil", problems);
    if (from != null && until != null && until.isBefore(from)) {
      problems.add(new FieldProblem("validUntil", "must not be before validFrom"));
    }
    if (until != null && until.isBefore(changes.today())) {
      problems.add(new FieldProblem("validUntil", "the approval has already ended"));
    }
    UUID attachmentId = null;
    String attachment = declared.attachmentId();
    try {
      attachmentId = attachment == null ? null : UUID.fromString(attachment);
    } catch (IllegalArgumentException e) {
      attachmentId = null;
    }
    UUID wanted = attachmentId;
    if (wanted == null
        || applications.attachments(id).stream().noneMatch(file -> file.id().equals(wanted))) {
      problems.add(
          new FieldProblem(
              "attachmentId", "must be the id of a file attached to this application"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The ethics approval is invalid.", problems);
    }
    EthicsApproval approval =
        new EthicsApproval(
            UUID.randomUUID(),
            id,
            jurisdiction,
            committee.strip(),
            reference.strip(),
            from,
            until,
            attachmentId,
            changes.now());
    applications.insertEthics(approval, caller.subject());
    changes.event(
        application, "ethics-approval-added", jurisdiction, caller, Role.RESEARCHER, null, null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ethicsApprovalId", approval.id().toString());
    data.put("jurisdiction", jurisdiction);
    data.put("referenceSha256", Sha256.hex(approval.reference()));
    data.put("validFrom", from.toString());
    data.put("validUntil", until.toString());
    data.put("attachmentId", attachmentId.toString());
    if (application.state() == ApplicationState.APPROVED && !application.isAmendment()) {
      // A renewed approval of a running project: its jurisdiction's steward checks it before the
      // access rests on it (process ethicsRenewal).
      Map<String, Object> variables = new HashMap<>();
      variables.put(ReviewProcess.APPLICATION_ID, id.toString());
      variables.put(ReviewProcess.ETHICS_APPROVAL_ID, approval.id().toString());
      variables.put(ReviewProcess.JURISDICTION, jurisdiction);
      variables.put(ReviewProcess.APPLICANT, application.ownerSub());
      runtime.startProcessInstanceByKey(
          ReviewProcess.ETHICS_RENEWAL_KEY, approval.id().toString(), variables);
      notifications.notify(
          ReviewGroups.stewards(jurisdiction),
          id,
          "ethics-renewal-check-due",
          jurisdiction,
          changes.now());
      data.put("checkedBy", ReviewGroups.stewards(jurisdiction));
    }
    return new EthicsAdded(
        approval,
        changes.audit(
            caller, Role.RESEARCHER, "application.ethics-approval-added", application, data));
  }

  // --- helpers ---------------------------------------------------------------------------

  private static ApplicationDocument valid(ApplicationDocument.Parsed draft) {
    if (draft instanceof ApplicationDocument.Parsed.Invalid invalid) {
      throw Refusal.invalid("The application is invalid.", invalid.problems());
    }
    return ((ApplicationDocument.Parsed.Valid) draft).document();
  }

  private static LocalDate date(String text, String field, List<FieldProblem> problems) {
    if (text == null) {
      problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD)"));
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD)"));
      return null;
    }
  }

  static String sha256(ApplicationDocument document) {
    return Sha256.hex(document.json().toString());
  }

  /** The applicant's jurisdiction: their one jurisdiction group, if they belong to exactly one. */
  static Optional<String> applicantJurisdiction(Caller caller) {
    return caller.jurisdictionCodes().size() == 1
        ? caller.jurisdictionCodes().stream().findFirst()
        : Optional.empty();
  }
}
