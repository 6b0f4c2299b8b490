package eu.clinnova.workflow.application;

import eu.clinnova.consent.application.SubjectCounts;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.workflow.application.AgreementStore.Acceptance;
import eu.clinnova.workflow.duo.DuoMatch;
import eu.clinnova.workflow.entitlement.Entitlement;
import eu.clinnova.workflow.process.Vote;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the portal shows about one application to one caller: the application, each
 * jurisdiction's review, its amendments (or, for an amendment, what it adds), the timeline, files,
 * ethics approvals, the DUO match of each dataset, what is still missing, what changed at the last
 * resubmission, the consent modules each dataset's patients must have permitted for this purpose
 * (consent for the purpose), and — for reviewers only — the votes.
 */
public record ApplicationFile(
    Application application,
    List<JurisdictionReview> reviews,
    List<ApplicationEvent> events,
    List<ApplicationAttachment> attachments,
    List<EthicsApproval> ethicsApprovals,
    Map<String, DuoMatch> duoMatches,
    List<FieldProblem> missing,
    List<String> changedSinceLastRevision,
    Optional<ApplicationDocument> previousRevision,
    Optional<List<Vote>> votes,
    Optional<DataAccessAgreement> agreement,
    Optional<Acceptance> acceptance,
    List<Entitlement> entitlements,
    List<Application> amendments,
    Optional<Amendment> adds,
    Map<String, Set<ConsentModule>> modulesNeeded,
    Map<String, SubjectCounts.SubjectCount> subjectsToday,
    Map<String, String> datasetTitles,
    Optional<CloseOut> closeOut) {

  /** The dataset's title as the catalogue has it, or its id if the catalogue has it no more. */
  public String datasetTitle(String datasetId) {
    return datasetTitles.getOrDefault(datasetId, datasetId);
  }
}
