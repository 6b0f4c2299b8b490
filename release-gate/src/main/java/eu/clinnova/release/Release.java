package eu.clinnova.release;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A decision of the gate as stored: who asked (the node), for what (application, dataset,
 * recipient), the answer, how many subjects were asked for and permitted, the denials counted by
 * reason, the digests of the subject lists, and the audit entry that recorded it first.
 *
 * @param reasons why the whole request was denied (empty when it went on to the subjects)
 * @param modules the consent modules every subject had to permit
 * @param denials how many subjects were denied, per reason code
 * @param subjectsRoot the root of the subject tree the audit entry carries (absent for decisions
 *     made before the log committed to subjects)
 */
public record Release(
    UUID id,
    String node,
    UUID applicationId,
    String datasetId,
    String jurisdiction,
    String recipient,
    Decision decision,
    List<String> reasons,
    List<String> modules,
    int requested,
    int permitted,
    Map<String, Integer> denials,
    String requestedSha256,
    String permittedSha256,
    Instant decidedAt,
    Optional<Instant> tokenExpiresAt,
    long auditIndex,
    Optional<String> subjectsRoot) {

  public Release {
    reasons = List.copyOf(reasons);
    modules = List.copyOf(modules);
    denials = Map.copyOf(denials);
  }

  /** The answer, with the contract's codes. */
  public enum Decision {
    PERMIT("permit"),
    PARTIAL("partial"),
    DENY("deny");

    private final String code;

    Decision(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Decision of(int requested, int permitted) {
      if (permitted == 0) {
        return DENY;
      }
      return permitted == requested ? PERMIT : PARTIAL;
    }

    public static Decision fromCode(String code) {
      for (Decision decision : values()) {
        if (decision.code.equals(code)) {
          return decision;
        }
      }
      throw new IllegalArgumentException("no decision " + code);
    }
  }

  /** One denied subject and why. */
  public record Denial(String psn, String reason) {}
}
