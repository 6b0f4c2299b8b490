package eu.clinnova.workflow.review;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.workflow.process.ReviewProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a reviewer completes a task, as given: an outcome (null if none), whether they declare a
 * conflict of interest, a comment and conditions, and what the edge could not read as the contract
 * says ({@code malformed}, field by field). What it means for a given task is decided by {@link
 * #checkedFor}, once the task is known to be the caller's.
 */
public record TaskOutcome(
    String outcome,
    boolean conflictOfInterest,
    Optional<String> comment,
    Optional<String> conditions,
    List<FieldProblem> malformed) {

  /** Longest comment or conditions kept. */
  public static final int MAX_TEXT = 4000;

  public TaskOutcome {
    comment = comment.filter(text -> !text.isBlank()).map(String::strip);
    conditions = conditions.filter(text -> !text.isBlank()).map(String::strip);
    malformed = List.copyOf(malformed);
  }

  /** An outcome given in a form, where every field has its type already. */
  public static TaskOutcome given(
      String outcome, boolean conflictOfInterest, String comment, String conditions) {
    return new TaskOutcome(
        outcome,
        conflictOfInterest,
        Optional.ofNullable(comment),
        Optional.ofNullable(conditions),
        List.of());
  }

  /** What a text field must be, in a problem's words. */
  public static String textRule() {
    return "must be text of at most " + MAX_TEXT + " characters";
  }

  /** A checked outcome of one task: {@code outcome} is {@code conflict} for a declared conflict. */
  record Checked(
      String outcome,
      Optional<String> comment,
      Optional<String> conditions,
      boolean conflictOfInterest) {}

  /**
   * What is wrong with this outcome for the task {@code taskKey}, field by field (none when it can
   * be recorded): a form checks before it asks the reviewer to confirm.
   */
  public List<FieldProblem> problemsFor(String taskKey) {
    try {
      checkedFor(taskKey);
      return List.of();
    } catch (Refusal refusal) {
      return refusal.problems();
    }
  }

  /** This outcome as the task {@code taskKey} admits it; every problem at once otherwise. */
  Checked checkedFor(String taskKey) {
    List<FieldProblem> problems = new ArrayList<>(malformedAt("conflictOfInterest"));
    boolean conflict = conflictOfInterest;
    if (conflict && !ReviewProcess.DAC_VOTE.equals(taskKey)) {
      problems.add(
          new FieldProblem("conflictOfInterest", "is declared on the vote, not on this task"));
    }
    Set<String> allowed = ReviewProcess.outcomes(taskKey);
    if (!conflict && (outcome == null || !allowed.contains(outcome))) {
      problems.add(
          new FieldProblem(
              "outcome", "must be one of " + String.join(", ", new TreeSet<>(allowed))));
    }
    int before = problems.size();
    Optional<String> comment = usable("comment", this.comment, problems);
    boolean commentMalformed = problems.size() > before;
    Optional<String> conditions = usable("conditions", this.conditions, problems);
    boolean needsReason =
        !conflict
            && outcome != null
            && (!"approve".equals(outcome) || ReviewProcess.DAC_VOTE.equals(taskKey));
    if (needsReason
        && comment.isEmpty()
        && !commentMalformed
        && !"approve-with-conditions".equals(outcome)) {
      problems.add(new FieldProblem("comment", "a reason is needed for this outcome"));
    }
    if ("approve-with-conditions".equals(outcome) && conditions.isEmpty()) {
      problems.add(new FieldProblem("conditions", "the conditions are needed"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The task cannot be completed so.", problems);
    }
    return new Checked(conflict ? "conflict" : outcome, comment, conditions, conflict);
  }

  /** A text as given, unless it was malformed or too long (then its problem, and nothing). */
  private Optional<String> usable(
      String field, Optional<String> text, List<FieldProblem> problems) {
    List<FieldProblem> malformedHere = malformedAt(field);
    if (!malformedHere.isEmpty()) {
      problems.addAll(malformedHere);
      return Optional.empty();
    }
    if (text.filter(value -> value.length() > MAX_TEXT).isPresent()) {
      problems.add(new FieldProblem(field, textRule()));
      return Optional.empty();
    }
    return text;
  }

  private List<FieldProblem> malformedAt(String field) {
    return malformed.stream().filter(problem -> problem.field().equals(field)).toList();
  }
}
