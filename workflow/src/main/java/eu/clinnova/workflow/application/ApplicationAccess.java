package eu.clinnova.workflow.application;

import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import java.util.Set;

/**
 * Who may see an application: its owner always; once submitted, the stewards and committee members
 * of the jurisdictions it concerns, compliance officers, and the researchers its team names by
 * their verified address (ADR 0027). Everyone else is told it does not exist. Seeing is not
 * changing: only the owner changes it, and a team member reads the applicant's view, never the
 * reviewers'.
 */
public final class ApplicationAccess {

  private ApplicationAccess() {}

  /**
   * Which applications a caller may see, as a query: their own ({@code owner}), and of the others
   * only submitted ones (never drafts): all of them ({@code allSubmitted}, compliance) or those
   * concerning one of {@code jurisdictions} (stewards and committee members), and those whose team
   * names {@code teamAddress} (a researcher's verified address; empty for none). The same rule as
   * {@link #canSee}, which {@link #includes} states for one application; the store's listing states
   * it in SQL, and a module test holds the two to the same answers.
   */
  public record Scope(
      String owner, boolean allSubmitted, Set<String> jurisdictions, String teamAddress) {

    public Scope {
      jurisdictions = Set.copyOf(jurisdictions);
      teamAddress = teamAddress == null ? "" : teamAddress;
    }

    /** A scope without team membership (staff, services, tests). */
    public Scope(String owner, boolean allSubmitted, Set<String> jurisdictions) {
      this(owner, allSubmitted, jurisdictions, "");
    }

    public boolean includes(Application application) {
      if (application.state() == ApplicationState.DISCARDED) {
        return false; // a deleted draft: nobody's, not even its applicant's
      }
      return application.isOwnedBy(owner) || reviews(application) || inTeam(application);
    }

    /** Submitted and of the caller's review: all of them, or one of their jurisdictions. */
    boolean reviews(Application application) {
      return submitted(application)
          && (allSubmitted
              || application.jurisdictions().stream().anyMatch(jurisdictions::contains));
    }

    /** Submitted, and its team names the caller (a draft is still the applicant's own). */
    boolean inTeam(Application application) {
      return submitted(application)
          && !teamAddress.isEmpty()
          && application.teamMember(teamAddress).isPresent();
    }

    private static boolean submitted(Application application) {
      return application.state() != ApplicationState.DRAFT
          && application.state() != ApplicationState.DISCARDED;
    }
  }

  /** What {@code caller} may list. */
  public static Scope scope(Caller caller) {
    String team = caller.teamAddress().orElse("");
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return new Scope(caller.subject(), true, Set.of(), team);
    }
    if (caller.has(Role.DATA_STEWARD) || caller.has(Role.DAC_MEMBER)) {
      return new Scope(caller.subject(), false, caller.jurisdictionCodes(), team);
    }
    return new Scope(caller.subject(), false, Set.of(), team);
  }

  public static boolean canSee(Caller caller, Application application) {
    return scope(caller).includes(application);
  }

  /**
   * Staff of a jurisdiction concerned, or compliance: sees votes and reviewers' notes too. Never
   * the applicant: whatever other roles they hold, the applicant sees the applicant's view of their
   * own application (a committee member who applies does not read the votes on it).
   */
  public static boolean isReviewer(Caller caller, Application application) {
    return !application.isOwnedBy(caller.subject()) && scope(caller).reviews(application);
  }

  /**
   * A researcher the submitted application's team names by their verified address, not its owner:
   * reads the applicant's view and accepts the agreement in their own name.
   */
  public static boolean isTeamMember(Caller caller, Application application) {
    return !application.isOwnedBy(caller.subject()) && scope(caller).inTeam(application);
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
