package eu.clinnova.workflow.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.application.SubjectCounts;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.duo.DuoMatch;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.process.VoteStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reading applications, as each caller may see them. */
@ApplicationScoped
public class ApplicationQueries {

  @Inject ApplicationStore applications;
  @Inject DatasetStore datasets;
  @Inject VoteStore votes;
  @Inject EntitlementStore entitlements;
  @Inject AgreementStore agreements;
  @Inject NotificationStore notifications;
  private final PolicyCatalogue policies = PolicyCatalogue.bundled();
  @Inject Clock clock;

  @Inject AuditLogService auditLog;
  @Inject SubjectCounts subjectCounts;

  /** A page of a listing, and where the next one starts if there may be one. */
  public record Page(List<Application> applications, Optional<ApplicationStore.PageEnd> next) {}

  /** The most a page holds; also the default. */
  public static final int MAX_PAGE = 500;

  /**
   * The applications {@code caller} may see ({@link ApplicationAccess#scope}: their own, and the
   * submitted ones they review), most recently changed first, a page at a time: {@code after} the
   * end of the previous page (empty for the first), at most {@code limit} (1 to {@value
   * #MAX_PAGE}).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page list(Caller caller, Optional<ApplicationStore.PageEnd> after, int limit) {
    return list(caller, ApplicationFilter.NONE, after, limit);
  }

  /** As {@link #list(Caller, Optional, int)}, narrowed by {@code filter}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page list(
      Caller caller,
      ApplicationFilter filter,
      Optional<ApplicationStore.PageEnd> after,
      int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    // One more than asked says whether another page follows, without counting.
    List<Application> found =
        applications.visible(
            ApplicationAccess.scope(caller),
            filter,
            after.orElse(ApplicationStore.PageEnd.START),
            size + 1);
    if (found.size() <= size) {
      return new Page(found, Optional.empty());
    }
    List<Application> page = found.subList(0, size);
    return new Page(
        List.copyOf(page), Optional.of(ApplicationStore.PageEnd.after(page.get(size - 1))));
  }

  /** The jurisdictions' reviews (state, decision) of applications the caller was shown. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, List<JurisdictionReview>> reviewsOf(List<Application> shown) {
    return applications.reviewsOf(shown.stream().map(Application::id).toList());
  }

  /** The caller's own applications, most recently changed first (at most {@value #MAX_PAGE}). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Application> own(Caller caller) {
    return applications.ownedBy(caller.subject());
  }

  /**
   * The whole application as {@code caller} may see it. A reviewer's read is logged ({@code
   * application.viewed}, durable before the answer; issue 16); the applicant's and their team's are
   * not (it is their own project).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ApplicationFile file(Caller caller, UUID id) {
    ApplicationFile file = read(caller, id);
    Application application = file.application();
    if (ApplicationAccess.isReviewer(caller, application)) {
      auditLog.recordDurably(
          new AuditEvent(
              new AuditEvent.Actor(
                  caller.subject(), ApplicationAccess.readerRole(caller, application).tokenName()),
              "application.viewed",
              new AuditEvent.Subject("application", id.toString()),
              Map.of("state", application.state().code())));
    }
    return file;
  }

  /**
   * Per dataset, what its patients must have permitted for this purpose, shown before anyone
   * submits or decides: the rule the release gate applies (the data cross a border when the
   * applicant works outside the dataset's jurisdiction).
   */
  private Map<String, Set<ConsentModule>> modulesNeeded(
      Application application, Map<String, Dataset> datasets) {
    Optional<String> home = applications.applicantJurisdiction(application.id());
    Map<String, Set<ConsentModule>> needed = new LinkedHashMap<>();
    for (Dataset dataset : datasets.values()) {
      policies
          .of(dataset.jurisdiction())
          .ifPresent(
              policy ->
                  needed.put(
                      dataset.id(),
                      ModulesNeeded.of(
                          dataset,
                          application.document().purpose(),
                          !home.map(dataset.jurisdiction()::equals).orElse(false),
                          policy)));
    }
    return needed;
  }

  /**
   * Per dataset, roughly how many of its subjects the purpose leaves today (counted from the
   * consent states; no names).
   */
  private Map<String, SubjectCounts.SubjectCount> subjectsToday(
      Map<String, Set<ConsentModule>> needed, Map<String, Dataset> datasets) {
    Map<String, SubjectCounts.SubjectCount> counts = new LinkedHashMap<>();
    needed.forEach(
        (datasetId, modules) -> {
          Dataset dataset = datasets.get(datasetId);
          counts.put(
              datasetId, subjectCounts.of(dataset.jurisdiction(), dataset.cohort(), modules));
        });
    return counts;
  }

  private ApplicationFile read(Caller caller, UUID id) {
    Application application = visible(caller, id);
    Map<String, Dataset> known = new LinkedHashMap<>();
    for (String datasetId : application.document().datasets()) {
      datasets.find(datasetId).ifPresent(dataset -> known.put(datasetId, dataset));
    }
    Map<String, DuoMatch> matches = new LinkedHashMap<>();
    application
        .document()
        .purpose()
        .flatMap(Purpose::research)
        .ifPresent(
            purpose ->
                known.forEach(
                    (datasetId, dataset) ->
                        matches.put(datasetId, DuoMatch.of(dataset.use(), purpose))));
    List<EthicsApproval> ethics = applications.ethicsInForce(application);
    Optional<Application> amended =
        application.amends().isEmpty()
            ? Optional.empty()
            : applications.find(application.amends().get());
    List<FieldProblem> missing = new ArrayList<>();
    if (application.state().isEditable()) {
      amended
          .filter(approved -> !application.renewal())
          .ifPresent(
              approved ->
                  missing.addAll(Amendment.problems(approved.document(), application.document())));
      missing.addAll(
          SubmissionChecklist.missing(
              application.document(), known, ethics, policies.all(), today()));
    }
    boolean reviewer = ApplicationAccess.isReviewer(caller, application);
    List<String> changed = List.of();
    Optional<ApplicationDocument> previous = Optional.empty();
    if (application.renewal() && application.revision() <= 1 && amended.isPresent()) {
      // A renewal is reviewed for what changes: from the approved application's document.
      changed = ApplicationDocument.changedFields(amended.get().document(), application.document());
      previous = Optional.of(amended.get().document());
    } else if (application.revision() > 1) {
      Optional<ApplicationDocument> before = applications.revision(id, application.revision() - 1);
      Optional<ApplicationDocument> after = applications.revision(id, application.revision());
      if (before.isPresent() && after.isPresent()) {
        changed = ApplicationDocument.changedFields(before.get(), after.get());
        previous = before;
      }
    }
    boolean approvedOnce =
        application.state() == ApplicationState.APPROVED
            || !entitlements.ofApplication(id).isEmpty();
    Map<String, Set<ConsentModule>> needed = modulesNeeded(application, known);
    ApplicationFile.Viewer viewer =
        application.isOwnedBy(caller.subject())
            ? ApplicationFile.Viewer.APPLICANT
            : reviewer ? ApplicationFile.Viewer.REVIEWER : ApplicationFile.Viewer.TEAM_MEMBER;
    List<AgreementStore.MemberAcceptance> members = agreements.members(id);
    // A team member reads the version they accepted, once they did; before, the one in force.
    Optional<AgreementStore.Acceptance> accepted =
        viewer == ApplicationFile.Viewer.TEAM_MEMBER
            ? members.stream()
                .filter(member -> member.memberSub().equals(caller.subject()))
                .findFirst()
                .map(
                    member ->
                        new AgreementStore.Acceptance(
                            member.version(), member.sha256(), member.acceptedAt()))
            : agreements.find(id);
    // Datasets by their titles (an entitlement may name one the document no longer asks for).
    return new ApplicationFile(
        application,
        applications.reviews(id),
        applications.events(id),
        applications.attachments(id),
        ethics,
        matches,
        missing,
        changed,
        previous,
        reviewer ? Optional.of(votes.votes(id)) : Optional.empty(),
        // The version the applicant accepted, once they did; before, the one to accept now.
        approvedOnce
            ? Optional.of(
                accepted
                    .flatMap(acceptance -> agreements.version(acceptance.version()))
                    .map(AgreementVersion::agreement)
                    .orElseGet(agreements::current))
            : Optional.empty(),
        agreements.find(id),
        entitlements.ofApplication(id),
        applications.amendmentsOf(id),
        amended
            .filter(approved -> !application.renewal())
            .map(approved -> Amendment.between(approved.document(), application.document())),
        needed,
        subjectsToday(needed, known),
        titles(known, entitlements.ofApplication(id)),
        applications.closeOut(id),
        viewer,
        members);
  }

  private Map<String, String> titles(Map<String, Dataset> known, List<Entitlement> granted) {
    Map<String, String> titles = new LinkedHashMap<>();
    known.forEach((id, dataset) -> titles.put(id, dataset.title()));
    for (Entitlement entitlement : granted) {
      if (!titles.containsKey(entitlement.datasetId())) {
        datasets
            .find(entitlement.datasetId())
            .ifPresent(dataset -> titles.put(entitlement.datasetId(), dataset.title()));
      }
    }
    return titles;
  }

  /** An attachment's bytes and description, for whoever may see the application. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Map.Entry<ApplicationAttachment, byte[]>> attachment(
      Caller caller, UUID id, UUID attachmentId) {
    visible(caller, id);
    Optional<ApplicationAttachment> described =
        applications.attachments(id).stream()
            .filter(file -> file.id().equals(attachmentId))
            .findFirst();
    if (described.isEmpty()) {
      return Optional.empty();
    }
    return applications
        .attachmentContent(id, attachmentId)
        .map(content -> Map.entry(described.get(), content));
  }

  private Application visible(Caller caller, UUID id) {
    return applications
        .find(id)
        .filter(application -> ApplicationAccess.canSee(caller, application))
        .orElseThrow(() -> Refusal.notFound("No such application."));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
