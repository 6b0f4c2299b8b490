package eu.clinnova.workflow.process;

import java.util.List;
import java.util.Set;

/**
 * The names {@code processes/application-review.bpmn20.xml} and the services share: the process
 * key, its variables and its user tasks.
 */
public final class ReviewProcess {

  public static final String KEY = "applicationReview";

  /** The check of a renewed ethics approval of an approved application (its own process). */
  public static final String ETHICS_RENEWAL_KEY = "ethicsRenewal";

  /** Both processes whose tasks reviewers see. */
  public static final List<String> KEYS = List.of(KEY, ETHICS_RENEWAL_KEY);

  public static final String ETHICS_APPROVAL_ID = "ethicsApprovalId";
  public static final String RESOURCE = "processes/application-review.bpmn20.xml";

  public static final String APPLICATION_ID = "applicationId";
  public static final String APPLICANT = "applicant";
  public static final String JURISDICTIONS = "jurisdictions";
  public static final String JURISDICTION = "jurisdiction";
  public static final String STEWARD_GROUPS = "stewardGroups";
  public static final String REJECTED = "rejected";
  public static final String LAPSED = "lapsed";

  /** Transient: the outcome of the task being completed. */
  public static final String OUTCOME = "outcome";

  public static final String COMPLETENESS_CHECK = "completenessCheck";
  public static final String REVISE = "revise";
  public static final String ETHICS_CHECK = "ethicsCheck";
  public static final String REVISE_FOR_JURISDICTION = "reviseForJurisdiction";
  public static final String DAC_VOTE = "dacVote";
  public static final String CHAIR_DECISION = "chairDecision";
  public static final String ACCEPT_AGREEMENT = "acceptAgreement";
  public static final String ETHICS_RENEWAL_CHECK = "ethicsRenewalCheck";

  /** Tasks of the applicant, completed by resubmitting or accepting, not through the task API. */
  public static final Set<String> APPLICANT_TASKS =
      Set.of(REVISE, REVISE_FOR_JURISDICTION, ACCEPT_AGREEMENT);

  private ReviewProcess() {}

  public static boolean isRevision(String taskKey) {
    return REVISE.equals(taskKey) || REVISE_FOR_JURISDICTION.equals(taskKey);
  }

  /** The outcomes a task accepts. */
  public static Set<String> outcomes(String taskKey) {
    switch (taskKey) {
      case COMPLETENESS_CHECK:
        return Set.of("approve", "return");
      case ETHICS_CHECK:
        return Set.of("approve", "return", "reject");
      case ETHICS_RENEWAL_CHECK:
        return Set.of("approve", "reject");
      case DAC_VOTE:
        return Set.of("approve", "reject");
      case CHAIR_DECISION:
        return Set.of("approve", "approve-with-conditions", "reject", "return");
      default:
        return Set.of();
    }
  }
}
