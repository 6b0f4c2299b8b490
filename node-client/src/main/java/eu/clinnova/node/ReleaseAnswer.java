package eu.clinnova.node;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gate's answer as the contract fixes it, read from its JSON. */
public record ReleaseAnswer(
    String releaseId,
    String decision,
    List<String> permitted,
    List<Denial> denied,
    List<String> reasons,
    Optional<String> token,
    Audit audit,
    String json) {

  /** A denied subject and the gate's reason code. */
  public record Denial(String psn, String reason) {}

  /** Where the decision is in the audit log, and the proof of it. */
  public record Audit(
      long index, byte[] leafHash, String checkpoint, List<byte[]> inclusionProof) {}

  public ReleaseAnswer {
    permitted = List.copyOf(permitted);
    denied = List.copyOf(denied);
    reasons = List.copyOf(reasons);
  }

  /** Reads an answer; throws {@link ParseException} if it lacks a field or a field's shape. */
  public static ReleaseAnswer parse(String json) throws ParseException {
    Map<String, Object> answer = JSONObjectUtils.parse(json);
    Map<String, Object> audit = JSONObjectUtils.getJSONObject(answer, "audit");
    if (audit == null) {
      throw new ParseException("the answer has no audit entry", 0);
    }
    List<Denial> denied = new ArrayList<>();
    List<Object> denials = JSONObjectUtils.getJSONArray(answer, "denied");
    for (Object item : denials == null ? List.of() : denials) {
      @SuppressWarnings("unchecked")
      Map<String, Object> denial = (Map<String, Object>) item;
      denied.add(
          new Denial(
              JSONObjectUtils.getString(denial, "psn"),
              JSONObjectUtils.getString(denial, "reason")));
    }
    List<byte[]> proof = new ArrayList<>();
    for (String hash : strings(audit, "inclusionProof")) {
      proof.add(base64(hash));
    }
    String releaseId = JSONObjectUtils.getString(answer, "releaseId");
    String decision = JSONObjectUtils.getString(answer, "decision");
    String checkpoint = JSONObjectUtils.getString(audit, "checkpoint");
    String leafHash = JSONObjectUtils.getString(audit, "leafHash");
    if (releaseId == null || decision == null || checkpoint == null || leafHash == null) {
      throw new ParseException("the answer lacks releaseId, decision or its audit entry", 0);
    }
    return new ReleaseAnswer(
        releaseId,
        decision,
        strings(answer, "permitted"),
        denied,
        strings(answer, "reasons"),
        Optional.ofNullable(JSONObjectUtils.getString(answer, "token")),
        new Audit(JSONObjectUtils.getLong(audit, "index"), base64(leafHash), checkpoint, proof),
        json);
  }

  private static List<String> strings(Map<String, Object> json, String field)
      throws ParseException {
    String[] values = JSONObjectUtils.getStringArray(json, field);
    return values == null ? List.of() : List.of(values);
  }

  private static byte[] base64(String text) throws ParseException {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ParseException("not base64: " + text, 0);
    }
  }
}
