package eu.clinnova.workflow.review;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An open task of the review, as a steward, member or chair sees it in their inbox. */
public record ReviewTask(
    String id,
    String key,
    String name,
    UUID applicationId,
    String applicationTitle,
    Optional<String> jurisdiction,
    Instant created,
    Optional<Instant> due) {

  public boolean isOverdue(Instant now) {
    return due.map(now::isAfter).orElse(false);
  }
}
