package eu.clinnova.portal.api.applications;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.consent.application.SubjectCounts;
import eu.clinnova.workflow.application.Application;
import eu.clinnova.workflow.application.ApplicationAttachment;
import eu.clinnova.workflow.application.ApplicationEvent;
import eu.clinnova.workflow.application.ApplicationFile;
import eu.clinnova.workflow.application.EthicsApproval;
import eu.clinnova.workflow.application.JurisdictionReview;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.notification.Notification;
import eu.clinnova.workflow.process.Vote;
import eu.clinnova.workflow.review.ReviewTask;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;

/** Applications, tasks, entitlements and notifications as the API's JSON. */
final class ApplicationJson {

  private ApplicationJson() {}

  /** The list entry: the document's title and where the application stands. */
  static JsonObject summary(Application application) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", application.id().toString())
            .add("state", application.state().code())
            .add("title", application.document().title().orElse(""))
            .add("owner", owner(application))
            .add("jurisdictions", JSON.createArrayBuilder(application.jurisdictions()))
            .add("datasets", JSON.createArrayBuilder(application.document().datasets()))
            .add("revision", application.revision())
            .add("createdAt", application.createdAt().toString())
            .add("updatedAt", application.updatedAt().toString());
    return json.build();
  }

  static JsonObject file(ApplicationFile file) {
    Application application = file.application();
    JsonObjectBuilder json = JSON.createObjectBuilder(application.document().json());
    json.add("id", application.id().toString())
        .add("state", application.state().code())
        .add("owner", owner(application))
        .add("revision", application.revision())
        .add("createdAt", application.createdAt().toString())
        .add("updatedAt", application.updatedAt().toString());
    JsonArrayBuilder jurisdictions = JSON.createArrayBuilder();
    if (file.reviews().isEmpty()) {
      application
          .jurisdictions()
          .forEach(
              code ->
                  jurisdictions.add(
                      JSON.createObjectBuilder().add("code", code).add("state", "draft")));
    }
    file.reviews().forEach(review -> jurisdictions.add(review(review)));
    json.add("jurisdictions", jurisdictions);
    JsonArrayBuilder events = JSON.createArrayBuilder();
    file.events().forEach(event -> events.add(event(event, file.votes().isPresent())));
    json.add("events", events);
    JsonArrayBuilder attachments = JSON.createArrayBuilder();
    file.attachments().forEach(attachment -> attachments.add(attachment(attachment)));
    json.add("attachments", attachments);
    JsonArrayBuilder ethics = JSON.createArrayBuilder();
    file.ethicsApprovals().forEach(approval -> ethics.add(ethics(approval)));
    json.add("ethicsApprovals", ethics);
    JsonArrayBuilder matches = JSON.createArrayBuilder();
    file.duoMatches()
        .forEach(
            (datasetId, match) ->
                matches.add(
                    JSON.createObjectBuilder()
                        .add("datasetId", datasetId)
                        .add(
                            "outcome",
                            match
                                .outcome()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'))
                        .add("reasons", JSON.createArrayBuilder(match.reasons()))));
    json.add("duoMatches", matches);
    // Consent for the purpose (contract, "Additions to v1"): per dataset, the modules needed.
    JsonObjectBuilder needed = JSON.createObjectBuilder();
    file.modulesNeeded()
        .forEach(
            (datasetId, modules) -> {
              JsonArrayBuilder codes = JSON.createArrayBuilder();
              modules.forEach(module -> codes.add(module.code()));
              needed.add(datasetId, codes);
            });
    json.add("modulesNeeded", needed);
    // Beyond the contract: roughly how many of each dataset's subjects that leaves today.
    JsonObjectBuilder today = JSON.createObjectBuilder();
    file.subjectsToday()
        .forEach(
            (datasetId, count) -> {
              JsonObjectBuilder figure =
                  JSON.createObjectBuilder()
                      .add("permittingApprox", count.permittingShown())
                      .add("inCohortApprox", count.inCohortShown())
                      .add("asOf", count.asOf().toString());
              if (count.fewerThanShown()) {
                figure.add("fewerThan", SubjectCounts.SMALLEST_SHOWN);
              }
              today.add(datasetId, figure);
            });
    json.add("subjectsToday", today);
    JsonArrayBuilder missing = JSON.createArrayBuilder();
    file.missing()
        .forEach(
            problem ->
                missing.add(
                    JSON.createObjectBuilder()
                        .add("field", problem.field())
                        .add("message", problem.message())));
    json.add("missing", missing);
    json.add("changedSinceLastRevision", JSON.createArrayBuilder(file.changedSinceLastRevision()));
    file.previousRevision().ifPresent(previous -> json.add("previousRevision", previous.json()));
    file.votes()
        .ifPresent(
            votes -> {
              JsonArrayBuilder all = JSON.createArrayBuilder();
              votes.forEach(vote -> all.add(vote(vote)));
              json.add("votes", all);
            });
    file.agreement()
        .ifPresent(
            agreement ->
                json.add(
                    "agreement",
                    JSON.createObjectBuilder()
                        .add("version", agreement.version())
                        .add("text", agreement.text())
                        .add("sha256", agreement.sha256())));
    file.acceptance()
        .ifPresent(
            acceptance ->
                json.add(
                    "agreementAccepted",
                    JSON.createObjectBuilder()
                        .add("version", acceptance.version())
                        .add("sha256", acceptance.sha256())
                        .add("acceptedAt", acceptance.acceptedAt().toString())));
    json.add("viewer", file.viewer().code());
    json.add("teamAgreements", teamAgreements(file));
    application
        .amends()
        .ifPresent(
            linked -> json.add(application.renewal() ? "renews" : "amends", linked.toString()));
    file.adds()
        .ifPresent(
            adds -> {
              JsonArrayBuilder members = JSON.createArrayBuilder();
              adds.addedMembers().forEach(member -> members.add(member.name()));
              json.add(
                  "adds",
                  JSON.createObjectBuilder()
                      .add("datasets", JSON.createArrayBuilder(adds.addedDatasets()))
                      .add("team", members));
            });
    file.closeOut()
        .ifPresent(
            report ->
                json.add(
                    "closeOut",
                    JSON.createObjectBuilder()
                        .add("results", report.results())
                        .add("publications", JSON.createArrayBuilder(report.publications()))
                        .add("closedAt", report.closedAt().toString())));
    JsonArrayBuilder amendments = JSON.createArrayBuilder();
    file.amendments()
        .forEach(
            amendment ->
                amendments.add(
                    JSON.createObjectBuilder()
                        .add("id", amendment.id().toString())
                        .add("state", amendment.state().code())));
    json.add("amendments", amendments);
    JsonArrayBuilder entitlements = JSON.createArrayBuilder();
    file.entitlements()
        .forEach(entitlement -> entitlements.add(entitlement(entitlement, Instant.now())));
    json.add("entitlements", entitlements);
    return json.build();
  }

  /**
   * Per member the team names (by their address, as typed), whether they accepted the agreement in
   * their own name: {@code {name, email, accepted, acceptedAt?, agreementVersion?}} (ADR 0027).
   */
  private static JsonArrayBuilder teamAgreements(ApplicationFile file) {
    JsonArrayBuilder team = JSON.createArrayBuilder();
    for (var member : file.application().document().team()) {
      if (member.email().isBlank()) {
        continue;
      }
      JsonObjectBuilder entry =
          JSON.createObjectBuilder().add("name", member.name()).add("email", member.email());
      var accepted = file.memberAgreementAt(member.address());
      entry.add("accepted", accepted.isPresent());
      accepted.ifPresent(
          acceptance ->
              entry
                  .add("acceptedAt", acceptance.acceptedAt().toString())
                  .add("agreementVersion", acceptance.version()));
      team.add(entry);
    }
    return team;
  }

  private static JsonObject owner(Application application) {
    return JSON.createObjectBuilder()
        .add("id", application.ownerSub())
        .add("name", application.ownerName())
        .build();
  }

  private static JsonObject review(JurisdictionReview review) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("code", review.jurisdiction())
            .add("state", review.state())
            .add("round", review.round())
            .add("changedAt", review.changedAt().toString());
    review.decision().ifPresent(decision -> json.add("decision", decision));
    review.conditions().ifPresent(conditions -> json.add("conditions", conditions));
    return json.build();
  }

  /**
   * A timeline entry. Votes' reasons are the committee's: the applicant sees that a vote was cast,
   * reviewers also see its reason. Decisions' and returns' comments are for the applicant.
   */
  private static JsonObject event(ApplicationEvent event, boolean reviewer) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("at", event.at().toString())
            .add("kind", event.kind())
            .add("actorRole", event.actorRole());
    event.jurisdiction().ifPresent(code -> json.add("jurisdiction", code));
    boolean committeeOnly =
        event.kind().equals("vote-cast") || event.kind().equals("conflict-declared");
    if (reviewer || !committeeOnly) {
      event.outcome().ifPresent(outcome -> json.add("outcome", outcome));
      event.comment().ifPresent(comment -> json.add("comment", comment));
    }
    return json.build();
  }

  static JsonObject attachment(ApplicationAttachment attachment) {
    var json =
        JSON.createObjectBuilder()
            .add("attachmentId", attachment.id().toString())
            .add("fileName", attachment.fileName())
            .add("mediaType", attachment.mediaType())
            .add("size", attachment.size())
            .add("sha256", attachment.sha256())
            .add("uploadedAt", attachment.uploadedAt().toString());
    attachment.kind().ifPresent(kind -> json.add("kind", kind.code()));
    return json.build();
  }

  static JsonObject ethics(EthicsApproval approval) {
    return JSON.createObjectBuilder()
        .add("id", approval.id().toString())
        .add("jurisdiction", approval.jurisdiction())
        .add("committee", approval.committee())
        .add("reference", approval.reference())
        .add("validFrom", approval.validFrom().toString())
        .add("validUntil", approval.validUntil().toString())
        .add("attachmentId", approval.attachmentId().toString())
        .add("addedAt", approval.addedAt().toString())
        .build();
  }

  private static JsonObject vote(Vote vote) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("jurisdiction", vote.jurisdiction())
            .add("round", vote.round())
            .add("member", vote.memberName())
            .add("conflictOfInterest", vote.conflict())
            .add("castAt", vote.castAt().toString());
    vote.vote().ifPresent(value -> json.add("vote", value));
    vote.reason().ifPresent(value -> json.add("reason", value));
    return json.build();
  }

  static JsonObject entitlement(Entitlement entitlement, Instant at) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", entitlement.id().toString())
            .add("applicationId", entitlement.applicationId().toString())
            .add("researcher", entitlement.researcher())
            .add("datasetId", entitlement.datasetId())
            .add("jurisdiction", entitlement.jurisdiction())
            .add("validFrom", entitlement.validFrom().toString())
            .add("validUntil", entitlement.validUntil().toString())
            .add("ethicsValidUntil", entitlement.ethicsValidUntil().toString())
            .add("status", entitlement.statusAt(at).code());
    entitlement.revokedAt().ifPresent(revoked -> json.add("revokedAt", revoked.toString()));
    entitlement.revokeReason().ifPresent(reason -> json.add("revokeReason", reason));
    return json.build();
  }

  static JsonObject task(ReviewTask task, Instant now) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", task.id())
            .add("name", task.name())
            .add("taskKey", task.key())
            .add("applicationId", task.applicationId().toString())
            .add("applicationTitle", task.applicationTitle())
            .add("created", task.created().toString())
            .add("overdue", task.isOverdue(now));
    task.jurisdiction().ifPresent(code -> json.add("jurisdiction", code));
    Optional<Instant> due = task.due();
    if (due.isPresent()) {
      json.add("due", due.get().toString());
    } else {
      json.addNull("due");
    }
    return json.build();
  }

  static JsonObject notification(Notification notification) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", notification.id())
            .add("applicationId", notification.applicationId().toString())
            .add("title", notification.title())
            .add("kind", notification.kind())
            .add("at", notification.at().toString())
            .add("read", notification.read());
    notification.jurisdiction().ifPresent(code -> json.add("jurisdiction", code));
    return json.build();
  }
}
