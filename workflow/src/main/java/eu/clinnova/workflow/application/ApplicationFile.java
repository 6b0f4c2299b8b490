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
 * (consent for the purpose), and — for reviewers only — the votes. Who reads it ({@link Viewer})
 * and which team members accepted the agreement in their own name (ADR 0027).
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
    Optional<CloseOut> closeOut,
    Viewer viewer,
    List<AgreementStore.MemberAcceptance> memberAgreements) {

  /** In which capacity the caller reads the application. */
  public enum Viewer {
    /** Its owner: changes it, accepts the agreement for the application. */
    APPLICANT,
    /** A researcher its team names by their verified address: reads the applicant's view. */
    TEAM_MEMBER,
    /** A steward, committee member or compliance officer: reads the reviewers' view. */
    REVIEWER;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The acceptance of the team member of that account, if they accepted. */
  public Optional<AgreementStore.MemberAcceptance> memberAgreementOf(String account) {
    return memberAgreements.stream().filter(m -> m.memberSub().equals(account)).findFirst();
  }

  /**
   * The team member the document names by {@code address} who accepted, if any (the owner's page
   * lists who accepted and who has not yet).
   */
  public Optional<AgreementStore.MemberAcceptance> memberAgreementAt(String address) {
    return memberAgreements.stream().filter(m -> m.address().equals(address)).findFirst();
  }

  /** The dataset's title as the catalogue has it, or its id if the catalogue has it no more. */
  public String datasetTitle(String datasetId) {
    return datasetTitles.getOrDefault(datasetId, datasetId);
  }
}
