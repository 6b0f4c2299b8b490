package eu.clinnova.workflow.application;

import eu.clinnova.consent.application.Requester;

/**
 * Who may see an application: its owner always; once submitted, the stewards and committee members
 * of the jurisdictions it concerns, and compliance officers. Everyone else is told it does not
 * exist.
 */
public final class ApplicationAccess {

  static final String STEWARD = "data-steward";
  static final String DAC_MEMBER = "dac-member";
  static final String COMPLIANCE = "compliance-officer";

  private ApplicationAccess() {}

  public static boolean canSee(Requester requester, Application application) {
    return application.isOwnedBy(requester.sub()) || isReviewer(requester, application);
  }

  /** Staff of a jurisdiction concerned, or compliance: sees votes and reviewers' notes too. */
  public static boolean isReviewer(Requester requester, Application application) {
    if (application.state() == ApplicationState.DRAFT) {
      return false;
    }
    if (requester.roles().contains(COMPLIANCE)) {
      return true;
    }
    boolean staff = requester.roles().contains(STEWARD) || requester.roles().contains(DAC_MEMBER);
    return staff
        && application.jurisdictions().stream().anyMatch(requester.jurisdictions()::contains);
  }
}
