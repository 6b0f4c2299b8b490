package eu.clinnova.workflow.review;

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
}
