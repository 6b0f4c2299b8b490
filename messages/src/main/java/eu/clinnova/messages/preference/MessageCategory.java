package eu.clinnova.messages.preference;

/** The kinds of e-mail a person may turn on or off, and those they may not. */
public enum MessageCategory {
  /** Work waiting for the reader: a check, a vote, a decision, a reminder, an escalation. */
  TASKS,
  /** What happened to the reader's application or access. */
  DECISIONS,
  /** A release that included the reader's own data (patients; off unless they opt in). */
  RELEASES_OF_MY_DATA,
  /** Owed whatever the choice: a request to consent again, a withdrawal reaching a recipient. */
  OWED;

  /** The category of a kind of message; an unknown kind is owed (it is never silently dropped). */
  public static MessageCategory of(String kind) {
    return switch (kind) {
      case "completeness-check-due",
          "ethics-check-due",
          "vote-due",
          "decision-due",
          "reminder",
          "escalation",
          "decision-overdue",
          "ethics-renewal-check-due" ->
          TASKS;
      case "returned",
          "approved",
          "rejected",
          "entitlements-granted",
          "entitlement-expired",
          "entitlement-suspended",
          "entitlement-revoked",
          "decision-extended",
          "ethics-renewal-accepted",
          "ethics-renewal-refused",
          "team-agreement-due",
          "member-agreement-accepted" ->
          DECISIONS;
      case "release-of-my-data" -> RELEASES_OF_MY_DATA;
      // A returned application's lapse is owed: the applicant loses their place otherwise.
      default -> OWED;
    };
  }
}
