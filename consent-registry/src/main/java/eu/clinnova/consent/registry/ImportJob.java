package eu.clinnova.consent.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A bulk enrolment running in the background: who started it for which jurisdictions, how far it is
 * ({@code done} of {@code total} lines), what it enrolled, and each bad line by number and reason
 * (the first {@link #MOST_REPORTED}; {@code errorCount} counts them all).
 */
public record ImportJob(
    UUID id,
    String kind,
    String startedBy,
    Set<String> jurisdictions,
    State state,
    int total,
    int done,
    int enrolled,
    int alreadyEnrolled,
    int errorCount,
    List<LineError> errors,
    Optional<String> failure,
    String inputSha256,
    Instant createdAt,
    Optional<Instant> finishedAt) {

  public static final String KIND = "patient-import";

  /** Bad lines kept with the job; a file of 100,000 bad lines is reported by count beyond these. */
  public static final int MOST_REPORTED = 1000;

  /** A bad line: its number in the file (the header is line 1) and why it was not enrolled. */
  /** A bad line: its number and what is wrong with it. */
  public record LineError(int line, LineProblem problem) {
    /** In English, as the API reports it. */
    public String message() {
      return problem.message();
    }
  }

  /** Where a job is. */
  public enum State {
    QUEUED("queued"),
    RUNNING("running"),
    DONE("done"),
    FAILED("failed");

    private final String code;

    State(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static State fromCode(String code) {
      for (State state : values()) {
        if (state.code.equals(code)) {
          return state;
        }
      }
      throw new IllegalArgumentException("unknown job state " + code);
    }

    public boolean finished() {
      return this == DONE || this == FAILED;
    }
  }

  public ImportJob {
    jurisdictions = Set.copyOf(jurisdictions);
    errors = List.copyOf(errors);
  }
}
