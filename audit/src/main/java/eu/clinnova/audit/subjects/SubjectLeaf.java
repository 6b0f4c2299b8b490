package eu.clinnova.audit.subjects;

import eu.clinnova.audit.canonical.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One subject's leaf: the RFC 8785 canonical JSON {@code {"commitment": c, "outcome":
 * "permitted"|"denied", "reason": code}} ({@code reason} only when denied), and whose it is.
 *
 * @param psn the subject, when known (absent in a leaf a patient is shown as a neighbour)
 */
public record SubjectLeaf(
    Optional<String> psn, byte[] commitment, Optional<String> reason, byte[] bytes) {

  public static final String PERMITTED = "permitted";
  public static final String DENIED = "denied";

  /** Reason codes are the gate's: lower-case words joined by hyphens, nothing to escape. */
  private static final Pattern REASON = Pattern.compile("^[a-z][a-z0-9-]{0,63}$");

  static SubjectLeaf of(String psn, byte[] commitment, Optional<String> reason) {
    return new SubjectLeaf(Optional.of(psn), commitment, reason, encode(commitment, reason));
  }

  /** Whether the release permitted this subject. */
  public boolean permitted() {
    return reason.isEmpty();
  }

  public String outcome() {
    return permitted() ? PERMITTED : DENIED;
  }

  public String psnOrThrow() {
    return psn.orElseThrow(() -> new IllegalStateException("the leaf's subject is not known"));
  }

  /** The exact canonical bytes (keys in order, nothing escaped: base64 and codes need none). */
  static byte[] encode(byte[] commitment, Optional<String> reason) {
    byte[] c = Base64.getEncoder().encode(commitment);
    if (reason.isEmpty()) {
      return concat(OPENING, c, PERMITTED_END);
    }
    String code = reason.get();
    if (!KNOWN_REASONS.contains(code) && !REASON.matcher(code).matches()) {
      throw new IllegalArgumentException("not a reason code: " + code);
    }
    return concat(OPENING, c, DENIED_MIDDLE, code.getBytes(StandardCharsets.US_ASCII), DENIED_END);
  }

  private static final byte[] OPENING = ascii("{\"commitment\":\"");
  private static final byte[] PERMITTED_END = ascii("\",\"outcome\":\"permitted\"}");
  private static final byte[] DENIED_MIDDLE = ascii("\",\"outcome\":\"denied\",\"reason\":\"");
  private static final byte[] DENIED_END = ascii("\"}");

  /** The gate's reason codes, known without a pattern match per leaf. */
  private static final java.util.Set<String> KNOWN_REASONS =
      java.util.Set.of("consent-missing", "consent-withdrawn", "wrong-cohort", "unknown-subject");

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }

  /**
   * Reads served leaf bytes, for {@code psn} if known.
   *
   * @throws IllegalArgumentException if they are not a canonical subject leaf
   */
  public static SubjectLeaf parse(Optional<String> psn, byte[] bytes) {
    Object parsed;
    try {
      parsed = JsonReader.parseCanonical(new String(bytes, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a subject leaf is not canonical JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> leaf)
        || !(leaf.get("commitment") instanceof String c)
        || !(leaf.get("outcome") instanceof String outcome)) {
      throw new IllegalArgumentException("a subject leaf lacks its commitment or outcome");
    }
    byte[] commitment;
    try {
      commitment = Base64.getDecoder().decode(c);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a subject leaf's commitment is not base64");
    }
    Optional<String> reason =
        switch (outcome) {
          case PERMITTED -> Optional.empty();
          case DENIED -> Optional.of(String.valueOf(leaf.get("reason")));
          default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        };
    if (commitment.length != 32 || !java.util.Arrays.equals(encode(commitment, reason), bytes)) {
      throw new IllegalArgumentException("a subject leaf is not as the contract writes it");
    }
    return new SubjectLeaf(psn, commitment, reason, bytes.clone());
  }
}
