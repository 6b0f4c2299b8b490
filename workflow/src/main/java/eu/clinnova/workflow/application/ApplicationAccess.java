package eu.clinnova.workflow.application;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;

/**
 * Who may see an application: its owner always; once submitted, the stewards and committee members
 * of the jurisdictions it concerns, and compliance officers. Everyone else is told it does not
 * exist.
 */
public final class ApplicationAccess {

  private ApplicationAccess() {}

  public static boolean canSee(Caller caller, Application application) {
    return application.isOwnedBy(caller.subject()) || isReviewer(caller, application);
  }

  /**
   * Staff of a jurisdiction concerned, or compliance: sees votes and reviewers' notes too. Never
   * the applicant: whatever other roles they hold, the applicant sees the applicant's view of their
   * own application (a committee member who applies does not read the votes on it).
   */
  public static boolean isReviewer(Caller caller, Application application) {
    if (application.state() == ApplicationState.DRAFT || application.isOwnedBy(caller.subject())) {
      return false;
    }
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return true;
    }
    boolean staff = caller.has(Role.DATA_STEWARD) || caller.has(Role.DAC_MEMBER);
    return staff
        && application.jurisdictions().stream().anyMatch(caller.jurisdictionCodes()::contains);
  }

  /**
   * The role in which a reviewer reads {@code application}: what their read is logged as ({@code
   * application.viewed}).
   */
  public static Role readerRole(Caller caller, Application application) {
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return Role.COMPLIANCE_OFFICER;
    }
    boolean steward =
        caller.has(Role.DATA_STEWARD)
            && application.jurisdictions().stream().anyMatch(caller.jurisdictionCodes()::contains);
    return steward ? Role.DATA_STEWARD : Role.DAC_MEMBER;
  }
}
