package eu.clinnova.workflow.review;

import java.util.Date;

/**
 * What the review process asks of the application services, one method per service task of {@code
 * processes/application-review.bpmn20.xml} (bean {@value #BEAN}). The process decides the order;
 * the implementation writes the domain state and the audit entries, in the transaction of the step
 * that reached the service task. A new process version keeps these methods (ADR 0009).
 */
public interface ReviewSteps {

  /** The name the BPMN file's expressions use. */
  String BEAN = "reviewSteps";

  /** The completeness check passed: each jurisdiction's review begins. */
  void underReview(String applicationId);

  /** Sent back to the applicant, by the completeness check ({@code jurisdiction} null) or one. */
  void returned(String applicationId, String jurisdiction);

  /** One jurisdiction approved. */
  void jurisdictionApproved(String applicationId, String jurisdiction);

  /** One jurisdiction rejected; answers true, which ends every other jurisdiction's review. */
  boolean jurisdictionRejected(String applicationId, String jurisdiction);

  /** Every jurisdiction approved: the applicant is asked to accept the agreement. */
  void approved(String applicationId);

  /** A jurisdiction rejected: the application is rejected. */
  void rejected(String applicationId);

  /** The agreement was accepted: entitlements per dataset. */
  void grantEntitlements(String applicationId);

  /** The committee has not decided within its reminder period. */
  void remind(String applicationId, String jurisdiction);

  /** The committee has not decided within its escalation period: the chair is alerted. */
  void escalate(String applicationId, String jurisdiction);

  /**
   * After how long the jurisdiction's committee is reminded (ISO 8601, "P7D"), as its rules in
   * force say when its review starts.
   */
  String reminderPeriod(String jurisdiction);

  /** After how long the jurisdiction's chair is alerted (ISO 8601, "P14D"). */
  String escalationPeriod(String jurisdiction);

  /**
   * When the jurisdiction's decision is due: its clock, started by {@link #underReview} from the
   * committee's decision days, moved once by an extension (the timer is then rescheduled).
   */
  Date decisionDue(String applicationId, String jurisdiction);

  /**
   * The jurisdiction's decision is past its due date: its chair and the administrators are told.
   */
  void decisionOverdue(String applicationId, String jurisdiction);

  /**
   * When the returned application lapses unless resubmitted (its clock, started by {@link
   * #returned}), less {@code daysBefore} days: the timers of the warnings and of the lapse.
   */
  Date resubmissionDue(String applicationId, String jurisdiction, int daysBefore);

  /** The applicant is warned that the returned application lapses soon. */
  void warnBeforeLapse(String applicationId, String jurisdiction);

  /**
   * The returned application was not resubmitted in time: it lapses and its review ends. Answers
   * true, which ends every other jurisdiction's review.
   */
  boolean lapsed(String applicationId, String jurisdiction);

  /**
   * How often the members who have not voted are reminded (ISO 8601 repetition, "R12/P7D"): every
   * reminder period of the committee, until its decision is due.
   */
  String reminderCycle(String jurisdiction);

  /**
   * The steward accepted a renewed ethics approval of an approved application: the project's access
   * in its jurisdiction rests on it from now on (lifting a suspension the earlier one's end
   * caused).
   */
  void ethicsRenewalAccepted(String applicationId, String ethicsApprovalId);

  /** The steward refused a renewed ethics approval: the applicant is told. */
  void ethicsRenewalRefused(String applicationId, String ethicsApprovalId);
}
