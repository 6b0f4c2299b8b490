package eu.clinnova.workflow.committee;

import eu.clinnova.consent.domain.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One version of a jurisdiction's committee rules, as an administrator set them. */
public record Committee(
    String jurisdiction, int version, Rules rules, Instant changedAt, String changedBy) {

  /** What an administrator sets. */
  public record Rules(int quorum, int reminderDays, int escalationDays, int decisionDays) {

    /** What is wrong with these rules, field by field (the database checks the same). */
    public List<FieldProblem> problems() {
      List<FieldProblem> problems = new ArrayList<>();
      if (quorum < 1 || quorum > 25) {
        problems.add(new FieldProblem("quorum", "must be from 1 to 25 votes"));
      }
      if (reminderDays < 1 || reminderDays > 180) {
        problems.add(new FieldProblem("reminderDays", "must be from 1 to 180 days"));
      }
      if (escalationDays < 1 || escalationDays > 180) {
        problems.add(new FieldProblem("escalationDays", "must be from 1 to 180 days"));
      } else if (escalationDays <= reminderDays) {
        problems.add(
            new FieldProblem("escalationDays", "must be later than the reminder (reminderDays)"));
      }
      if (decisionDays < 1 || decisionDays > 365) {
        problems.add(new FieldProblem("decisionDays", "must be from 1 to 365 days"));
      } else if (decisionDays <= escalationDays) {
        problems.add(
            new FieldProblem("decisionDays", "must be later than the escalation (escalationDays)"));
      }
      return problems;
    }
  }

  /** The reminder's delay as the review process's timers take it (ISO 8601, "P7D"). */
  public String reminderPeriod() {
    return "P" + rules.reminderDays() + "D";
  }

  /** The delay before the chair is alerted, as the review process's timers take it. */
  public String escalationPeriod() {
    return "P" + rules.escalationDays() + "D";
  }

  /** How many votes close the vote. */
  public int quorum() {
    return rules.quorum();
  }
}
