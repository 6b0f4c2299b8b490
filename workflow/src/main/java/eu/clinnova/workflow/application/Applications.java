package eu.clinnova.workflow.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.EvidenceType;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.SafeFileName;
import eu.clinnova.consent.application.WholeNumber;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.ReviewGroups;
import eu.clinnova.workflow.process.ReviewProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * What applicants do with their applications: draft, attach, declare ethics approvals, submit
 * (which starts the review process), resubmit after a return, withdraw, accept the agreement. Each
 * change and its audit entry commit together, with the process step it causes.
 */
@ApplicationScoped
public class Applications {

  /** Largest attachment accepted: 20 MB. */
  public static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

  /** A change made, with its audit entry (logged once the transaction commits). */
  public record Changed(Application application, PendingAudit audit) {}

  public record Attached(ApplicationAttachment attachment, PendingAudit audit) {}

  public record EthicsAdded(EthicsApproval approval, PendingAudit audit) {}

  @Inject AuditLogService auditLog;
  @Inject RuntimeService runtime;
  @Inject TaskService tasks;

  @Inject ApplicationStore applications;
  @Inject DatasetStore datasets;
  @Inject EntitlementStore entitlements;
  @Inject NotificationStore notifications;
  private final PolicyCatalogue policies = PolicyCatalogue.bundled();
  @Inject AgreementStore agreements;
  @Inject Clock clock;

  @Transactional
  public Changed create(Caller caller, String ownerName, JsonObject body) {
    ApplicationDocument document = parse(body);
    Map<String, Dataset> known = knownDatasets(document);
    Instant now = now();
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
    event(application, "created", null, caller, Role.RESEARCHER, null, null);
    return new Changed(
        application,
        audit(
            caller,
            Role.RESEARCHER,
            "application.created",
            application,
            home.<Map<String, Object>>map(code -> Map.of("applicantJurisdiction", code))
                .orElse(Map.of())));
  }

  /** Saves the draft as it is typed: any shape-valid content, complete or not. */
  @Transactional
  public Changed update(Caller caller, UUID id, JsonObject body) {
    // Whose it is and whether it can change come first: someone else's input says nothing.
    Application application = ownApplication(caller, id);
    if (!application.state().isEditable()) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": it can no longer be edited.");
    }
    ApplicationDocument document = parse(body);
    Map<String, Dataset> known = knownDatasets(document);
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
            now(),
            application.amends());
    applications.update(saved);
    return new Changed(
        saved,
        audit(
            caller,
            Role.RESEARCHER,
            "application.edited",
            saved,
            Map.of("documentSha256", sha256(document))));
  }

  @Transactional
  public Attached attach(
      Caller caller, UUID id, String fileName, String declaredType, byte[] content) {
    Application application = ownApplication(caller, id);
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
        EvidenceType.of(content)
            .filter(type -> declaredType == null || type.equals(declaredType))
            .orElseThrow(
                () ->
                    new Refusal(
                        Refusal.Kind.UNSUPPORTED_TYPE,
                        "attachment-type",
                        "An attachment must be a PDF, PNG or JPEG file, declared as such.",
                        List.of()));
    // Stored under a name that cannot pass for another type or a path (issue 16).
    String name = SafeFileName.of(fileName, mediaType);
    ApplicationAttachment attachment =
        new ApplicationAttachment(
            UUID.randomUUID(), id, name, mediaType, content.length, Sha256.hex(content), now());
    applications.insertAttachment(attachment, content, caller.subject());
    return new Attached(
        attachment,
        audit(
            caller,
            Role.RESEARCHER,
            "application.attachment-added",
            application,
            Map.of(
                "attachmentId", attachment.id().toString(),
                "sha256", attachment.sha256(),
                "size", attachment.size())));
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
  public EthicsAdded addEthicsApproval(Caller caller, UUID id, JsonObject body) {
    Application application = ownApplication(caller, id);
    if (!application.state().isEditable() && application.state() != ApplicationState.APPROVED) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": approvals cannot be added.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String jurisdiction = string(body, "jurisdiction");
    Optional<JurisdictionPolicy> policy =
        jurisdiction == null ? Optional.empty() : policies.of(jurisdiction);
    if (policy.isEmpty()) {
      problems.add(new FieldProblem("jurisdiction", "must be one of LU, FR, DE, CH"));
    }
    String committee = string(body, "committee");
    if (committee == null || committee.isBlank() || committee.length() > 200) {
      problems.add(
          new FieldProblem("committee", "must name the committee (at most 200 characters)"));
    }
    String reference = string(body, "reference");
    if (reference == null || reference.isBlank() || reference.length() > 60) {
      problems.add(new FieldProblem("reference", "must be given (at most 60 characters)"));
    } else if (policy.isPresent() && !policy.get().acceptsEthicsReference(reference.strip())) {
      problems.add(
          new FieldProblem(
              "reference",
              "does not have the form of a reference of " + policy.get().ethicsBody()));
    }
    LocalDate from = date(body, "validFrom", problems);
    LocalDate until = date(body, "validUntil", problems);
    if (from != null && until != null && until.isBefore(from)) {
      problems.add(new FieldProblem("validUntil", "must not be before validFrom"));
    }
    if (until != null && until.isBefore(today())) {
      problems.add(new FieldProblem("validUntil", "the approval has already ended"));
    }
    UUID attachmentId = null;
    String attachment = string(body, "attachmentId");
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
            now());
    applications.insertEthics(approval, caller.subject());
    event(application, "ethics-approval-added", jurisdiction, caller, Role.RESEARCHER, null, null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ethicsApprovalId", approval.id().toString());
    data.put("jurisdiction", jurisdiction);
    data.put("referenceSha256", Sha256.hex(approval.reference()));
    data.put("validFrom", from.toString());
    data.put("validUntil", until.toString());
    data.put("attachmentId", attachmentId.toString());
    return new EthicsAdded(
        approval,
        audit(caller, Role.RESEARCHER, "application.ethics-approval-added", application, data));
  }

  /**
   * Submits a draft (starting the review) or resubmits a returned application (completing the
   * revision tasks, so that the review resumes where it returned the application).
   */
  @Transactional
  public Changed submit(Caller caller, UUID id) {
    Application application = ownApplication(caller, id);
    if (!application.state().isEditable()) {
      throw Refusal.conflict(
          "application-not-editable",
          "The application is " + application.state().code() + ": it cannot be submitted.");
    }
    Map<String, Dataset> known = knownDatasets(application.document());
    List<FieldProblem> missing = new ArrayList<>();
    Optional<Application> amended = amended(application);
    amended.ifPresent(
        approved ->
            missing.addAll(Amendment.problems(approved.document(), application.document())));
    missing.addAll(
        SubmissionChecklist.missing(
            application.document(),
            known,
            applications.ethicsInForce(application),
            policies.all(),
            today()));
    if (!missing.isEmpty()) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "application-incomplete",
          "The application cannot be submitted yet: " + missing.size() + " thing(s) missing.",
          missing);
    }
    List<String> jurisdictions =
        amended.isPresent()
            ? Amendment.between(amended.get().document(), application.document())
                .jurisdictions(known, amended.get().jurisdictions())
            : SubmissionChecklist.jurisdictions(application.document(), known);
    boolean first = application.state() == ApplicationState.DRAFT;
    if (!first && !jurisdictions.equals(application.jurisdictions())) {
      throw Refusal.conflict(
          "jurisdictions-changed",
          "A returned application must keep the jurisdictions it was submitted for ("
              + String.join(", ", application.jurisdictions())
              + "); ask for datasets of other jurisdictions in a new application.");
    }
    Instant now = now();
    int revision = application.revision() + 1;
    applications.insertRevision(id, revision, application.document(), now);
    Application submitted =
        new Application(
            id,
            application.ownerSub(),
            application.ownerName(),
            ApplicationState.SUBMITTED,
            application.document(),
            jurisdictions,
            revision,
            application.processInstanceId(),
            application.createdAt(),
            now,
            application.amends());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("revision", revision);
    data.put("jurisdictions", jurisdictions);
    data.put("datasets", application.document().datasets());
    data.put("documentSha256", sha256(application.document()));
    if (first) {
      for (String jurisdiction : jurisdictions) {
        applications.saveReview(
            id,
            new JurisdictionReview(
                jurisdiction, "waiting", Optional.empty(), Optional.empty(), 1, now));
      }
      applications.update(submitted);
      event(submitted, "submitted", null, caller, Role.RESEARCHER, null, null);
      for (String jurisdiction : jurisdictions) {
        notifications.notify(
            ReviewGroups.stewards(jurisdiction), id, "completeness-check-due", jurisdiction, now);
      }
      PendingAudit audit = audit(caller, Role.RESEARCHER, "application.submitted", submitted, data);
      String processId = startReview(submitted);
      submitted = withProcess(submitted, processId);
      applications.update(submitted);
      return new Changed(submitted, audit);
    }
    return resubmit(caller, submitted, data);
  }

  private Changed resubmit(Caller caller, Application submitted, Map<String, Object> data) {
    List<Task> revisions =
        tasks
            .createTaskQuery()
            .processInstanceId(submitted.processInstanceId().orElseThrow())
            .taskAssignee(submitted.ownerSub())
            .list()
            .stream()
            .filter(task -> ReviewProcess.isRevision(task.getTaskDefinitionKey()))
            .toList();
    boolean completeness =
        revisions.stream()
            .anyMatch(task -> ReviewProcess.REVISE.equals(task.getTaskDefinitionKey()));
    Instant now = submitted.updatedAt();
    Application resumed =
        submitted.with(
            completeness ? ApplicationState.SUBMITTED : ApplicationState.UNDER_REVIEW, now);
    applications.update(resumed);
    for (JurisdictionReview review : applications.reviews(submitted.id())) {
      if ("returned".equals(review.state())) {
        applications.saveReview(
            submitted.id(),
            new JurisdictionReview(
                review.jurisdiction(),
                "ethics-check",
                Optional.empty(),
                Optional.empty(),
                review.round(),
                now));
      }
    }
    event(resumed, "resubmitted", null, caller, Role.RESEARCHER, null, null);
    PendingAudit audit = audit(caller, Role.RESEARCHER, "application.resubmitted", resumed, data);
    for (Task revision : revisions) {
      tasks.complete(revision.getId());
    }
    return new Changed(resumed, audit);
  }

  private Optional<Application> amended(Application application) {
    if (application.amends().isEmpty()) {
      return Optional.empty();
    }
    return applications.find(application.amends().get());
  }

  /**
   * Starts an amendment of an approved application: a draft that copies its document, for the
   * applicant to add datasets or team members; its review concerns what it adds.
   */
  @Transactional
  public Changed amend(Caller caller, UUID id) {
    Application approved = ownApplication(caller, id);
    if (approved.state() != ApplicationState.APPROVED || approved.isAmendment()) {
      throw Refusal.conflict(
          "not-amendable", "Only an approved application (not an amendment) can be amended.");
    }
    if (agreements.find(id).isEmpty()) {
      throw Refusal.conflict(
          "agreement-first",
          "Accept the data access agreement of the approved application before amending it.");
    }
    if (applications.amendmentsOf(id).stream()
        .anyMatch(open -> !open.state().isFinal() && open.state() != ApplicationState.APPROVED)) {
      throw Refusal.conflict(
          "amendment-open", "An amendment of this application is already in progress.");
    }
    Instant now = now();
    Application amendment =
        new Application(
            UUID.randomUUID(),
            approved.ownerSub(),
            approved.ownerName(),
            ApplicationState.DRAFT,
            approved.document(),
            approved.jurisdictions(),
            0,
            Optional.empty(),
            now,
            now,
            Optional.of(id));
    applications.insert(amendment);
    event(amendment, "created", null, caller, Role.RESEARCHER, null, null);
    event(approved, "amendment-started", null, caller, Role.RESEARCHER, null, null);
    return new Changed(
        amendment,
        audit(
            caller,
            Role.RESEARCHER,
            "application.amendment-created",
            amendment,
            Map.of("amends", id.toString())));
  }

  private String startReview(Application application) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ReviewProcess.APPLICATION_ID, application.id().toString());
    variables.put(ReviewProcess.APPLICANT, application.ownerSub());
    variables.put(ReviewProcess.JURISDICTIONS, new ArrayList<>(application.jurisdictions()));
    variables.put(
        ReviewProcess.STEWARD_GROUPS,
        String.join(
            ",", application.jurisdictions().stream().map(ReviewGroups::stewards).toList()));
    variables.put(ReviewProcess.REJECTED, false);
    return runtime
        .startProcessInstanceByKey(ReviewProcess.KEY, application.id().toString(), variables)
        .getId();
  }

  private static Application withProcess(Application application, String processId) {
    return new Application(
        application.id(),
        application.ownerSub(),
        application.ownerName(),
        application.state(),
        application.document(),
        application.jurisdictions(),
        application.revision(),
        Optional.of(processId),
        application.createdAt(),
        application.updatedAt(),
        application.amends());
  }

  /** The applicant withdraws: the review ends; entitlements already granted are revoked. */
  @Transactional
  public Changed withdraw(Caller caller, UUID id) {
    Application application = ownApplication(caller, id);
    if (application.state().isFinal()) {
      throw Refusal.conflict(
          "application-ended", "The application is already " + application.state().code() + ".");
    }
    Instant now = now();
    Application withdrawn = application.with(ApplicationState.WITHDRAWN, now);
    applications.update(withdrawn);
    for (JurisdictionReview review : applications.reviews(id)) {
      if (!"approved".equals(review.state()) && !"rejected".equals(review.state())) {
        applications.saveReview(
            id,
            new JurisdictionReview(
                review.jurisdiction(),
                "ended",
                review.decision(),
                review.conditions(),
                review.round(),
                now));
      }
    }
    int revoked = 0;
    for (var entitlement : entitlements.ofApplication(id)) {
      if (entitlements.revoke(entitlement.id(), now, caller.subject(), "withdrawn")) {
        revoked++;
        // Each revocation is its own fact, as when a committee revokes.
        auditLog.record(
            new AuditEvent(
                new AuditEvent.Actor(caller.subject(), Role.RESEARCHER.tokenName()),
                "entitlement.revoked",
                new AuditEvent.Subject("entitlement", entitlement.id().toString()),
                Map.of(
                    "applicationId", id.toString(),
                    "datasetId", entitlement.datasetId(),
                    "reason", "application-withdrawn")));
      }
    }
    for (Application amendment : applications.amendmentsOf(id)) {
      if (!amendment.state().isFinal() && amendment.state() != ApplicationState.APPROVED) {
        // An amendment in progress ends with the application it amends.
        applications.update(amendment.with(ApplicationState.WITHDRAWN, now));
        event(amendment, "withdrawn", null, caller, Role.RESEARCHER, null, null);
        audit(
            caller,
            Role.RESEARCHER,
            "application.withdrawn",
            amendment.with(ApplicationState.WITHDRAWN, now),
            Map.of("previousState", amendment.state().code(), "withAmended", id.toString()));
        endProcess(amendment);
      }
    }
    event(withdrawn, "withdrawn", null, caller, Role.RESEARCHER, null, null);
    PendingAudit audit =
        audit(
            caller,
            Role.RESEARCHER,
            "application.withdrawn",
            withdrawn,
            Map.of("previousState", application.state().code(), "entitlementsRevoked", revoked));
    endProcess(application);
    return new Changed(withdrawn, audit);
  }

  private void endProcess(Application application) {
    if (application.processInstanceId().isPresent()
        && runtime
                .createProcessInstanceQuery()
                .processInstanceId(application.processInstanceId().get())
                .count()
            > 0) {
      runtime.deleteProcessInstance(application.processInstanceId().get(), "withdrawn");
    }
  }

  /**
   * The applicant accepts the agreement shown to them (its version must be the current one); the
   * process then grants the entitlements, in this transaction.
   */
  @Transactional
  public Changed acceptAgreement(Caller caller, UUID id, JsonObject body) {
    Application application = ownApplication(caller, id);
    List<FieldProblem> problems = new ArrayList<>();
    if (body.get("accepted") != JsonValue.TRUE) {
      problems.add(new FieldProblem("accepted", "must be true to accept the agreement"));
    }
    Optional<Integer> version =
        WholeNumber.within(body.get("agreementVersion"), 1, Integer.MAX_VALUE);
    if (version.isEmpty()) {
      problems.add(
          new FieldProblem("agreementVersion", "must be the version shown, a whole number"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The acceptance is invalid.", problems);
    }
    DataAccessAgreement agreement = DataAccessAgreement.current();
    if (version.get() != agreement.version()) {
      throw Refusal.conflict(
          "agreement-version-outdated",
          "Version " + agreement.version() + " of the agreement is the one to accept.");
    }
    Optional<Task> task =
        application.processInstanceId().isEmpty()
            ? Optional.empty()
            : tasks
                .createTaskQuery()
                .processInstanceId(application.processInstanceId().get())
                .taskDefinitionKey(ReviewProcess.ACCEPT_AGREEMENT)
                .list()
                .stream()
                .findFirst();
    if (application.state() != ApplicationState.APPROVED || task.isEmpty()) {
      throw Refusal.conflict(
          "agreement-not-expected",
          application.state() == ApplicationState.APPROVED
              ? "The agreement has already been accepted."
              : "The agreement is accepted once the application is approved.");
    }
    Instant now = now();
    agreements.insert(id, agreement, now, caller.subject());
    event(application, "agreement-accepted", null, caller, Role.RESEARCHER, null, null);
    PendingAudit audit =
        audit(
            caller,
            Role.RESEARCHER,
            "application.agreement-accepted",
            application,
            Map.of("agreementVersion", agreement.version(), "agreementSha256", agreement.sha256()));
    tasks.complete(task.get().getId());
    return new Changed(application, audit);
  }

  // --- helpers ---------------------------------------------------------------------------

  private Application ownApplication(Caller caller, UUID id) {
    Application application =
        applications.lock(id).orElseThrow(() -> Refusal.notFound("No such application."));
    if (!application.isOwnedBy(caller.subject())) {
      if (ApplicationAccess.canSee(caller, application)) {
        throw Refusal.forbidden("Only the applicant may change an application.");
      }
      throw Refusal.notFound("No such application.");
    }
    return application;
  }

  private static ApplicationDocument parse(JsonObject body) {
    ApplicationDocument.Parsed parsed = ApplicationDocument.parse(body);
    if (parsed instanceof ApplicationDocument.Parsed.Invalid invalid) {
      throw Refusal.invalid("The application is invalid.", invalid.problems());
    }
    return ((ApplicationDocument.Parsed.Valid) parsed).document();
  }

  /** The catalogue's datasets named by the document; an unknown id is refused. */
  private Map<String, Dataset> knownDatasets(ApplicationDocument document) {
    Map<String, Dataset> known = new LinkedHashMap<>();
    List<FieldProblem> unknown = new ArrayList<>();
    for (int i = 0; i < document.datasets().size(); i++) {
      String datasetId = document.datasets().get(i);
      Optional<Dataset> dataset = datasets.find(datasetId);
      if (dataset.isPresent()) {
        known.put(datasetId, dataset.get());
      } else {
        unknown.add(new FieldProblem("datasets[" + i + "]", "is not in the catalogue"));
      }
    }
    if (!unknown.isEmpty()) {
      throw Refusal.invalid("The application names unknown datasets.", unknown);
    }
    return known;
  }

  private void event(
      Application application,
      String kind,
      String jurisdiction,
      Caller caller,
      Role role,
      String outcome,
      String comment) {
    applications.insertEvent(
        application.id(),
        new ApplicationEvent(
            0,
            now(),
            kind,
            Optional.ofNullable(jurisdiction),
            caller.subject(),
            role.tokenName(),
            Optional.ofNullable(outcome),
            Optional.ofNullable(comment)));
  }

  private PendingAudit audit(
      Caller caller, Role role, String action, Application application, Map<String, Object> facts) {
    Map<String, Object> data = new LinkedHashMap<>(facts);
    data.put("state", application.state().code());
    return auditLog.record(
        new AuditEvent(
            new AuditEvent.Actor(caller.subject(), role.tokenName()),
            action,
            new AuditEvent.Subject("application", application.id().toString()),
            data));
  }

  private static String string(JsonObject body, String field) {
    return body.get(field) instanceof JsonString text ? text.getString() : null;
  }

  private static LocalDate date(JsonObject body, String field, List<FieldProblem> problems) {
    String text = string(body, field);
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

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The applicant's jurisdiction: their one jurisdiction group, if they belong to exactly one. */
  static Optional<String> applicantJurisdiction(Caller caller) {
    return caller.jurisdictionCodes().size() == 1
        ? caller.jurisdictionCodes().stream().findFirst()
        : Optional.empty();
  }
}
