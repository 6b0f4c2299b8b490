package eu.clinnova.workflow.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One clock of an application: the decision of a jurisdiction, or the resubmission after a return
 * ({@code jurisdiction} empty when the completeness check returned it).
 */
public record Deadline(
    UUID id,
    UUID applicationId,
    Optional<String> jurisdiction,
    Step step,
    Instant startedAt,
    Instant due,
    Optional<Extension> extension,
    Optional<Instant> closedAt) {

  /** A returned application lapses this long after its return (domain.md, "Time"). */
  public static final Duration RESUBMISSION = Duration.ofDays(28);

  /** The applicant is warned when this much time is left, and again when a week is left. */
  public static final Duration FIRST_WARNING = Duration.ofDays(14);

  public static final Duration LAST_WARNING = Duration.ofDays(7);

  /** What the clock waits for, with the contract's codes. */
  public enum Step {
    DECISION("decision"),
    RESUBMISSION("resubmission");

    private final String code;

    Step(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Step fromCode(String code) {
      for (Step step : values()) {
        if (step.code.equals(code)) {
          return step;
        }
      }
      throw new IllegalArgumentException("not a deadline step: " + code);
    }
  }

  /** The one extension a decision may get: when, by whom, why. */
  public record Extension(Instant at, String by, String reason) {}

  public boolean isOverdue(Instant now) {
    return closedAt.isEmpty() && now.isAfter(due);
  }

  /** The whole days left before the due date (negative once overdue). */
  public long daysLeft(Instant now) {
    return Math.floorDiv(Duration.between(now, due).toHours(), 24);
  }
}
