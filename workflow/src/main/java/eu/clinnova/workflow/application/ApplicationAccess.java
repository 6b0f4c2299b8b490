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

  /**
   * Staff of a jurisdiction concerned, or compliance: sees votes and reviewers' notes too. Never
   * the applicant: whatever other roles they hold, the applicant sees the applicant's view of their
   * own application (a committee member who applies does not read the votes on it).
   */
  public static boolean isReviewer(Requester requester, Application application) {
    if (application.state() == ApplicationState.DRAFT || application.isOwnedBy(requester.sub())) {
      return false;
    }
    if (requester.roles().contains(COMPLIANCE)) {
      return true;
    }
    boolean staff = requester.roles().contains(STEWARD) || requester.roles().contains(DAC_MEMBER);
    return staff
        && application.jurisdictions().stream().anyMatch(requester.jurisdictions()::contains);
  }

  /**
   * The role in which a reviewer reads {@code application}: what their read is logged as ({@code
   * application.viewed}).
   */
  public static String readerRole(Requester requester, Application application) {
    if (requester.roles().contains(COMPLIANCE)) {
      return COMPLIANCE;
    }
    boolean steward =
        requester.roles().contains(STEWARD)
            && application.jurisdictions().stream().anyMatch(requester.jurisdictions()::contains);
    return steward ? STEWARD : DAC_MEMBER;
  }
}
