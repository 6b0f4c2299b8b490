package eu.clinnova.workflow.review;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.workflow.application.AgreementStore;
import eu.clinnova.workflow.application.Amendment;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationEvent;
import eu.clinnova.workflow.application.ApplicationState;
import eu.clinnova.workflow.application.ApplicationStore;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.application.JurisdictionReview;
import eu.clinnova.workflow.application.SubmissionChecklist;
import eu.clinnova.workflow.application.TeamMember;
import eu.clinnova.workflow.catalogue.Dataset;
import eu.clinnova.workflow.catalogue.DatasetStore;
import eu.clinnova.workflow.committee.Committee;
import eu.clinnova.workflow.committee.CommitteeStore;
import eu.clinnova.workflow.deadline.Deadline;
import eu.clinnova.workflow.deadline.DeadlineStore;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.entitlement.EntitlementStore;
import eu.clinnova.workflow.entitlement.EntitlementTerms;
import eu.clinnova.workflow.entitlement.TeamEntitlements;
import eu.clinnova.workflow.notification.NotificationStore;
import eu.clinnova.workflow.notification.Notifications;
import eu.clinnova.workflow.process.ReviewGroups;
import eu.clinnova.workflow.process.Vote;
import eu.clinnova.workflow.process.VoteStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The review process's service tasks: each moves the application (or one jurisdiction's review) to
 * its next state, tells the people concerned, and appends its audit entry, in the transaction of
 * the step that reached it (a task completed, or a timer fired).
 */
@ApplicationScoped
public class ReviewStepsService implements ReviewSteps {

  private static final AuditEvent.Actor PROCESS = new AuditEvent.Actor("review-process", "system");

  private final AuditTrail auditLog;
  private final ApplicationStore applications;
  private final NotificationStore notifications;
  private final DatasetStore datasets;
  private final EntitlementStore entitlements;
  private final CommitteeStore committees;
  private final DeadlineStore deadlines;
  private final VoteStore votes;
  private final AgreementStore agreements;
  private final TeamEntitlements team;
  private final Clock clock;

  @Inject
  public ReviewStepsService(
      AuditTrail auditLog,
      ApplicationStore applications,
      NotificationStore notifications,
      DatasetStore datasets,
      EntitlementStore entitlements,
      CommitteeStore committees,
      DeadlineStore deadlines,
      VoteStore votes,
      AgreementStore agreements,
      Clock clock) {
    this.auditLog = auditLog;
    this.applications = applications;
    this.notifications = notifications;
    this.datasets = datasets;
    this.entitlements = entitlements;
    this.committees = committees;
    this.deadlines = deadlines;
    this.votes = votes;
    this.agreements = agreements;
    this.team = new TeamEntitlements(entitlements, auditLog);
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected ReviewStepsService() {
    this(null, null, null, null, null, null, null, null, null, null);
  }

  @Override
  @Transactional
  public void underReview(String applicationId) {
    run(
        applicationId,
        (application, now) -> {
          setState(application, ApplicationState.UNDER_REVIEW, now);
          for (JurisdictionReview review : applications.reviews(application.id())) {
            saveReview(application, review, "ethics-check", now);
            // The legal clock: the decision is due the committee's decision days after today.
            deadlines.start(
                application.id(),
                Optional.of(review.jurisdiction()),
                Deadline.Step.DECISION,
                now,
                now.plus(
                    committees.current(review.jurisdiction()).orElseThrow().rules().decisionDays(),
                    ChronoUnit.DAYS));
            notifications.notify(
                ReviewGroups.stewards(review.jurisdiction()),
                application.id(),
                "ethics-check-due",
                review.jurisdiction(),
                now);
          }
          step(application, "under-review", null, Map.of());
        });
  }

  @Override
  @Transactional
  public void returned(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          setState(application, ApplicationState.RETURNED, now);
          if (jurisdiction != null) {
            JurisdictionReview review = review(application, jurisdiction);
            // A return by the committee opens a new voting round after the resubmission.
            int round =
                "chair-decision".equals(review.state()) ? review.round() + 1 : review.round();
            applications.saveReview(
                application.id(),
                new JurisdictionReview(
                    jurisdiction, "returned", Optional.empty(), Optional.empty(), round, now));
          }
          Deadline resubmission =
              deadlines.start(
                  application.id(),
                  Optional.ofNullable(jurisdiction),
                  Deadline.Step.RESUBMISSION,
                  now,
                  now.plus(Deadline.RESUBMISSION));
          notifications.notify(
              application.ownerSub(), application.id(), "returned", jurisdiction, now);
          step(
              application,
              "returned",
              jurisdiction,
              Map.of("lapsesAt", resubmission.due().toString()));
        });
  }

  @Override
  @Transactional
  public void jurisdictionApproved(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          JurisdictionReview review = review(application, jurisdiction);
          saveReview(application, review, "approved", now);
          deadlines.close(application.id(), Optional.of(jurisdiction), Deadline.Step.DECISION, now);
          step(
              application,
              "jurisdiction-approved",
              jurisdiction,
              Map.of("decision", review.decision().orElse("approve")));
        });
  }

  @Override
  @Transactional
  public boolean jurisdictionRejected(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          JurisdictionReview review = review(application, jurisdiction);
          applications.saveReview(
              application.id(),
              new JurisdictionReview(
                  jurisdiction,
                  "rejected",
                  Optional.of("reject"),
                  Optional.empty(),
                  review.round(),
                  now));
          deadlines.close(application.id(), Optional.of(jurisdiction), Deadline.Step.DECISION, now);
          step(application, "jurisdiction-rejected", jurisdiction, Map.of());
        });
    return true;
  }

  @Override
  @Transactional
  public void rejected(String applicationId) {
    run(
        applicationId,
        (application, now) -> {
          setState(application, ApplicationState.REJECTED, now);
          for (JurisdictionReview review : applications.reviews(application.id())) {
            if (!"approved".equals(review.state()) && !"rejected".equals(review.state())) {
              saveReview(application, review, "ended", now);
            }
          }
          deadlines.closeAll(application.id(), now);
          notifications.notify(application.ownerSub(), application.id(), "rejected", null, now);
          step(application, "rejected", null, Map.of());
        });
  }

  @Override
  @Transactional
  public void approved(String applicationId) {
    run(
        applicationId,
        (application, now) -> {
          setState(application, ApplicationState.APPROVED, now);
          deadlines.closeAll(application.id(), now);
          notifications.notify(application.ownerSub(), application.id(), "approved", null, now);
          step(application, "approved", null, Map.of());
        });
  }

  @Override
  @Transactional
  public void grantEntitlements(String applicationId) {
    run(
        applicationId,
        (application, now) -> {
          // An amendment's entitlements cover what it adds and belong to the approved
          // application it amends, within that application's duration.
          Optional<Application> amended =
              application.amends().isEmpty()
                  ? Optional.empty()
                  : applications.lock(application.amends().get());
          Application project = amended.orElse(application);
          // A renewal continues every dataset it asks for; an amendment adds its new ones.
          List<String> granted =
              amended.isPresent() && !application.renewal()
                  ? Amendment.between(amended.get().document(), application.document())
                      .addedDatasets()
                  : application.document().datasets();
          List<Entitlement> held = entitlements.ofApplication(project.id());
          // Team members who accepted share each new access as it is granted (ADR 0027).
          List<AgreementStore.MemberAcceptance> accepted = agreements.members(project.id());
          List<String> members =
              accepted.stream().map(AgreementStore.MemberAcceptance::memberSub).toList();
          boolean sharedAny = false;
          Instant projectStart =
              held.stream().map(Entitlement::validFrom).min(Instant::compareTo).orElse(now);
          List<EthicsApproval> ethics = applications.ethicsInForce(application);
          for (String datasetId : granted) {
            Dataset dataset = datasets.find(datasetId).orElseThrow();
            EthicsApproval approval =
                SubmissionChecklist.current(ethics, dataset.jurisdiction()).orElseThrow();
            // A renewed access starts when the current one ends (no gap, no overlap); an
            // amendment's runs within the project's time.
            Instant from =
                application.renewal() ? continuation(held, datasetId, application, now) : now;
            Instant start = application.renewal() ? from : projectStart;
            Instant until =
                EntitlementTerms.validUntil(
                    start,
                    application.document().durationMonths().orElseThrow(),
                    approval.validUntil(),
                    dataset.timeLimitMonths());
            if (!until.isAfter(from)) {
              continue; // the project's time (or its ethics approval) is over: nothing to grant
            }
            Entitlement entitlement =
                new Entitlement(
                    UUID.randomUUID(),
                    project.id(),
                    application.ownerSub(),
                    datasetId,
                    dataset.jurisdiction(),
                    approval.id(),
                    approval.validUntil(),
                    from,
                    until,
                    Optional.empty(),
                    Optional.empty());
            // What the approval granted, before the ethics approval's end cut it short.
            Instant requested =
                EntitlementTerms.validUntil(
                    start,
                    application.document().durationMonths().orElseThrow(),
                    java.time.LocalDate.of(9999, 12, 30),
                    dataset.timeLimitMonths());
            entitlements.insert(entitlement, requested.isAfter(until) ? requested : until);
            team.shareGranted(entitlement, members, PROCESS, now);
            sharedAny = true;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("applicationId", project.id().toString());
            if (amended.isPresent()) {
              data.put(
                  application.renewal() ? "renewalId" : "amendmentId", application.id().toString());
            }
            data.put("researcher", application.ownerSub());
            data.put("datasetId", datasetId);
            data.put("ethicsApprovalId", approval.id().toString());
            data.put("validFrom", from.toString());
            data.put("validUntil", until.toString());
            auditLog.record(
                new AuditEvent(
                    PROCESS,
                    "entitlement.granted",
                    new AuditEvent.Subject("entitlement", entitlement.id().toString()),
                    data));
          }
          if (amended.isPresent()) {
            // The approved application now includes what the amendment added.
            List<String> jurisdictions = new java.util.ArrayList<>(amended.get().jurisdictions());
            application.jurisdictions().stream()
                .filter(code -> !jurisdictions.contains(code))
                .forEach(jurisdictions::add);
            applications.update(
                new Application(
                    project.id(),
                    project.ownerSub(),
                    project.ownerName(),
                    project.state(),
                    application.document(),
                    jurisdictions,
                    project.revision(),
                    project.processInstanceId(),
                    project.createdAt(),
                    now,
                    project.amends()));
            step(
                project,
                application.renewal() ? "renewed" : "amended",
                null,
                Map.of(
                    application.renewal() ? "renewalId" : "amendmentId",
                    application.id().toString(),
                    "datasets",
                    granted));
          }
          notifications.notify(
              application.ownerSub(), application.id(), "entitlements-granted", null, now);
          if (sharedAny) {
            for (String member : members) {
              notifications.notify(member, project.id(), "entitlements-granted", null, now);
            }
          }
          // Members the project names who have not accepted yet: their turn (by their address:
          // the portal knows their account only once they sign in and accept).
          Application named = applications.find(project.id()).orElse(project);
          named.document().team().stream()
              .map(TeamMember::address)
              .filter(address -> !address.isEmpty())
              .filter(
                  address ->
                      accepted.stream().noneMatch(member -> member.address().equals(address)))
              .distinct()
              .forEach(
                  address ->
                      notifications.notify(
                          Notifications.teamRecipient(address),
                          project.id(),
                          "team-agreement-due",
                          null,
                          now));
          applications.insertEvent(
              application.id(),
              new ApplicationEvent(
                  0,
                  now,
                  "entitlements-granted",
                  Optional.empty(),
                  PROCESS.sub(),
                  PROCESS.role(),
                  Optional.empty(),
                  Optional.empty()));
        });
  }

  @Override
  @Transactional
  public void remind(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          // Only the members who have not voted in this round (nor declared a conflict).
          int round = review(application, jurisdiction).round();
          Set<String> voted =
              votes.votes(application.id()).stream()
                  .filter(vote -> vote.jurisdiction().equals(jurisdiction))
                  .filter(vote -> vote.round() == round || vote.conflict())
                  .map(Vote::memberSub)
                  .collect(Collectors.toSet());
          notifications.notify(
              ReviewGroups.committee(jurisdiction),
              voted,
              application.id(),
              "reminder",
              jurisdiction,
              now);
          step(application, "reminder-sent", jurisdiction, Map.of("voted", voted.size()));
        });
  }

  @Override
  @Transactional
  public void escalate(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          notifications.notify(
              ReviewGroups.chair(jurisdiction), application.id(), "escalation", jurisdiction, now);
          notifications.notify(
              Notifications.ADMINISTRATORS, application.id(), "escalation", jurisdiction, now);
          step(application, "escalated", jurisdiction, Map.of());
        });
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public String reminderPeriod(String jurisdiction) {
    return committees.current(jurisdiction).orElseThrow().reminderPeriod();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public String escalationPeriod(String jurisdiction) {
    return committees.current(jurisdiction).orElseThrow().escalationPeriod();
  }

  @Override
  @Transactional
  public Date decisionDue(String applicationId, String jurisdiction) {
    UUID id = UUID.fromString(applicationId);
    return Date.from(
        deadlines
            .open(id, Optional.of(jurisdiction), Deadline.Step.DECISION)
            .orElseThrow(() -> new IllegalStateException("no decision clock in " + jurisdiction))
            .due());
  }

  @Override
  @Transactional
  public void decisionOverdue(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          Optional<Deadline> clock =
              deadlines.open(application.id(), Optional.of(jurisdiction), Deadline.Step.DECISION);
          if (clock.isEmpty() || !clock.get().isOverdue(now)) {
            return; // decided, or extended since the timer was set: nothing is late
          }
          notifications.notify(
              ReviewGroups.chair(jurisdiction),
              application.id(),
              "decision-overdue",
              jurisdiction,
              now);
          notifications.notify(
              Notifications.ADMINISTRATORS,
              application.id(),
              "decision-overdue",
              jurisdiction,
              now);
          step(
              application,
              "decision-overdue",
              jurisdiction,
              Map.of("due", clock.get().due().toString()));
        });
  }

  @Override
  @Transactional
  public Date resubmissionDue(String applicationId, String jurisdiction, int daysBefore) {
    Deadline clock =
        deadlines
            .open(
                UUID.fromString(applicationId),
                Optional.ofNullable(jurisdiction),
                Deadline.Step.RESUBMISSION)
            .orElseThrow(() -> new IllegalStateException("no resubmission clock"));
    return Date.from(clock.due().minus(daysBefore, ChronoUnit.DAYS));
  }

  @Override
  @Transactional
  public void warnBeforeLapse(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          Optional<Deadline> clock =
              deadlines.open(
                  application.id(), Optional.ofNullable(jurisdiction), Deadline.Step.RESUBMISSION);
          if (clock.isEmpty()) {
            return; // resubmitted meanwhile
          }
          long daysLeft = Math.max(0, clock.get().daysLeft(now));
          notifications.notify(
              application.ownerSub(),
              application.id(),
              daysLeft > Deadline.LAST_WARNING.toDays() ? "lapse-in-2-weeks" : "lapse-in-1-week",
              jurisdiction,
              now);
          step(
              application,
              "lapse-warned",
              jurisdiction,
              Map.of("lapsesAt", clock.get().due().toString()));
        });
  }

  @Override
  @Transactional
  public boolean lapsed(String applicationId, String jurisdiction) {
    run(
        applicationId,
        (application, now) -> {
          setState(application, ApplicationState.LAPSED, now);
          for (JurisdictionReview review : applications.reviews(application.id())) {
            if (!"approved".equals(review.state()) && !"rejected".equals(review.state())) {
              saveReview(application, review, "ended", now);
            }
          }
          deadlines.closeAll(application.id(), now);
          notifications.notify(
              application.ownerSub(), application.id(), "lapsed", jurisdiction, now);
          step(application, "lapsed", jurisdiction, Map.of());
        });
    return true;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public String reminderCycle(String jurisdiction) {
    Committee.Rules rules = committees.current(jurisdiction).orElseThrow().rules();
    int reminders = Math.max(1, rules.decisionDays() / rules.reminderDays());
    return "R" + reminders + "/P" + rules.reminderDays() + "D";
  }

  @Override
  @Transactional
  public void ethicsRenewalAccepted(String applicationId, String ethicsApprovalId) {
    run(
        applicationId,
        (application, now) -> {
          UUID approvalId = UUID.fromString(ethicsApprovalId);
          List<EthicsApproval> declared = applications.ethics(application.id());
          EthicsApproval renewed =
              declared.stream()
                  .filter(approval -> approval.id().equals(approvalId))
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("no approval " + approvalId));
          List<String> moved = new java.util.ArrayList<>();
          for (Entitlement entitlement : entitlements.ofApplication(application.id())) {
            // Only the jurisdiction's access, and only onto an approval that lasts longer.
            if (!entitlement.jurisdiction().equals(renewed.jurisdiction())
                || entitlement.revokedAt().isPresent()
                || !renewed.validUntil().isAfter(entitlement.ethicsValidUntil())) {
              continue;
            }
            Optional<UUID> before =
                entitlements.restOn(entitlement.id(), approvalId, renewed.validUntil());
            if (before.isEmpty()) {
              continue;
            }
            moved.add(entitlement.id().toString());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("applicationId", application.id().toString());
            data.put("datasetId", entitlement.datasetId());
            data.put("previousEthicsApprovalId", before.get().toString());
            data.put("ethicsApprovalId", approvalId.toString());
            data.put("ethicsValidUntil", renewed.validUntil().toString());
            data.put("previousValidUntil", entitlement.validUntil().toString());
            entitlements
                .find(entitlement.id())
                .ifPresent(extended -> data.put("validUntil", extended.validUntil().toString()));
            auditLog.record(
                new AuditEvent(
                    PROCESS,
                    "entitlement.ethics-renewed",
                    new AuditEvent.Subject("entitlement", entitlement.id().toString()),
                    data));
          }
          notifications.notify(
              application.ownerSub(),
              application.id(),
              "ethics-renewal-accepted",
              renewed.jurisdiction(),
              now);
          step(
              application,
              "ethics-renewal-accepted",
              renewed.jurisdiction(),
              Map.of("ethicsApprovalId", ethicsApprovalId, "entitlements", moved));
        });
  }

  @Override
  @Transactional
  public void ethicsRenewalRefused(String applicationId, String ethicsApprovalId) {
    run(
        applicationId,
        (application, now) -> {
          String jurisdiction =
              applications.ethics(application.id()).stream()
                  .filter(approval -> approval.id().toString().equals(ethicsApprovalId))
                  .map(EthicsApproval::jurisdiction)
                  .findFirst()
                  .orElse(null);
          notifications.notify(
              application.ownerSub(),
              application.id(),
              "ethics-renewal-refused",
              jurisdiction,
              now);
          step(
              application,
              "ethics-renewal-refused",
              jurisdiction,
              Map.of("ethicsApprovalId", ethicsApprovalId));
        });
  }

  // --- helpers ---------------------------------------------------------------------------

  /**
   * When the renewed access to a dataset starts: when the applicant's current access to it ends, if
   * that is still to come, else now.
   */
  private static Instant continuation(
      List<Entitlement> held, String datasetId, Application renewal, Instant now) {
    return held.stream()
        .filter(e -> e.datasetId().equals(datasetId) && e.researcher().equals(renewal.ownerSub()))
        .filter(e -> e.revokedAt().isEmpty())
        .map(Entitlement::validUntil)
        .max(Instant::compareTo)
        .filter(end -> end.isAfter(now))
        .orElse(now);
  }

  private interface Step {
    void take(Application application, Instant now);
  }

  private void run(String applicationId, Step step) {
    Application application =
        applications
            .lock(UUID.fromString(applicationId))
            .orElseThrow(() -> new IllegalStateException("no application " + applicationId));
    step.take(application, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  private void setState(Application application, ApplicationState state, Instant now) {
    applications.update(application.with(state, now));
  }

  private JurisdictionReview review(Application application, String jurisdiction) {
    return applications.reviews(application.id()).stream()
        .filter(review -> review.jurisdiction().equals(jurisdiction))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no review in " + jurisdiction));
  }

  private void saveReview(
      Application application, JurisdictionReview review, String state, Instant now) {
    applications.saveReview(
        application.id(),
        new JurisdictionReview(
            review.jurisdiction(),
            state,
            review.decision(),
            review.conditions(),
            review.round(),
            now));
  }

  /** The event on the timeline and its audit entry {@code application.<kind>}. */
  private void step(
      Application application, String kind, String jurisdiction, Map<String, Object> facts) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    applications.insertEvent(
        application.id(),
        new ApplicationEvent(
            0,
            now,
            kind,
            Optional.ofNullable(jurisdiction),
            PROCESS.sub(),
            PROCESS.role(),
            Optional.empty(),
            Optional.empty()));
    Map<String, Object> data = new LinkedHashMap<>(facts);
    if (jurisdiction != null) {
      data.put("jurisdiction", jurisdiction);
    }
    auditLog.record(
        new AuditEvent(
            PROCESS,
            "application." + kind,
            new AuditEvent.Subject("application", application.id().toString()),
            data));
  }
}
