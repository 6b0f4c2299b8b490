package eu.clinnova.audit.log;

import java.time.Instant;

/**
 * A search of the log, newest first, with keyset paging: {@code before} is the index of the oldest
 * entry already shown (exclusive), so each page is an index range scan whatever the log's size.
 * Every criterion is optional; {@code action} also matches as a prefix when it ends with a dot
 * ({@code consent.}).
 */
public record EntrySearch(
    Instant from,
    Instant to,
    String action,
    String actorSub,
    String subjectType,
    String subjectId,
    Long before,
    int limit) {

  public static final int MAX_LIMIT = 1000;

  public EntrySearch {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    action = blankToNull(action);
    actorSub = blankToNull(actorSub);
    subjectType = blankToNull(subjectType);
    subjectId = blankToNull(subjectId);
  }

  public static EntrySearch newest(int limit) {
    return new EntrySearch(null, null, null, null, null, null, null, limit);
  }

  /** The next page: entries older than the last one of this page. */
  public EntrySearch after(long lastIndexShown) {
    return new EntrySearch(
        from, to, action, actorSub, subjectType, subjectId, lastIndexShown, limit);
  }

  public EntrySearch withLimit(int newLimit) {
    return new EntrySearch(from, to, action, actorSub, subjectType, subjectId, before, newLimit);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
