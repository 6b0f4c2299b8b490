package eu.clinnova.workflow.review;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of the deadline dashboard ({@code GET /deadlines}): an open step of a review with its
 * legal date (a decision, a resubmission) or its configured one (a check, a vote, the chair's
 * decision); {@code jurisdiction} empty when the step concerns the whole application.
 */
public record OpenDeadline(
    UUID applicationId,
    String applicationTitle,
    Optional<String> jurisdiction,
    String step,
    Instant due,
    boolean overdue,
    boolean extended) {

  /** The contract's step codes of the review's user tasks. */
  public static String stepOfTask(String taskKey) {
    return switch (taskKey) {
      case "completenessCheck" -> "completeness-check";
      case "ethicsCheck" -> "ethics-check";
      case "dacVote" -> "vote";
      case "chairDecision" -> "chair-decision";
      case "ethicsRenewalCheck" -> "ethics-renewal-check";
      default -> taskKey;
    };
  }
}
