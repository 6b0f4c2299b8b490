package eu.clinnova.node;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteException;
import eu.clinnova.audit.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a node checks before it releases: the answer fits the question, the token is signed by
 * a key of the portal's JWKS and states this release (issuer, audience, lifetime, release id,
 * application, dataset, recipient, the digest of the permitted subjects, the audit index), and the
 * audit entry is in the log (its inclusion proof leads to the root of a checkpoint signed by the
 * log's verifier key). Free of I/O: the caller fetches the keys.
 */
public final class AnswerVerifier {

  static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final String issuer;
  private final String clientId;
  private final JWKSet keys;
  private final NoteVerifier logKey;

  /**
   * @param issuer the portal's token issuer, {@code <portal>/api/v1}
   * @param clientId this node's client id: tokens must name it as their audience
   * @param keys the portal's JWKS
   * @param logKey the audit log's verifier key (pinned, or fetched once)
   */
  public AnswerVerifier(String issuer, String clientId, JWKSet keys, NoteVerifier logKey) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.keys = keys;
    this.logKey = logKey;
  }

  /** What the checks found; no failures means the node may release the permitted subjects. */
  public record Verification(List<String> failures, Checkpoint checkpoint) {
    public Verification {
      failures = List.copyOf(failures);
    }

    public boolean passed() {
      return failures.isEmpty();
    }
  }

  public Verification verify(ReleaseAsk ask, ReleaseAnswer answer, Instant now) {
    List<String> failures = new ArrayList<>();
    checkShape(ask, answer, failures);
    if (!"deny".equals(answer.decision())) {
      if (answer.token().isEmpty()) {
        failures.add("a " + answer.decision() + " answer carries no token");
      } else {
        checkToken(ask, answer, answer.token().get(), now, failures);
      }
    }
    Checkpoint checkpoint = checkProof(answer.audit(), failures);
    return new Verification(failures, checkpoint);
  }

  private static void checkShape(ReleaseAsk ask, ReleaseAnswer answer, List<String> failures) {
    Set<String> asked = new HashSet<>(ask.subjects());
    Set<String> answered = new HashSet<>();
    for (String psn : answer.permitted()) {
      if (!asked.contains(psn)) {
        failures.add("permitted a subject that was not asked for: " + psn);
      }
      if (!answered.add(psn)) {
        failures.add("answered twice for " + psn);
      }
    }
    for (ReleaseAnswer.Denial denial : answer.denied()) {
      if (!answered.add(denial.psn())) {
        failures.add("answered twice for " + denial.psn());
      }
    }
    String expected =
        answer.permitted().isEmpty()
            ? "deny"
            : answer.permitted().size() == ask.subjects().size() ? "permit" : "partial";
    if (!expected.equals(answer.decision())) {
      failures.add(
          "decision "
              + answer.decision()
              + " does not fit the subjects permitted ("
              + expected
              + ")");
    }
    if ("deny".equals(answer.decision()) && answer.token().isPresent()) {
      failures.add("a deny answer carries a token");
    }
  }

  private void checkToken(
      ReleaseAsk ask, ReleaseAnswer answer, String token, Instant now, List<String> failures) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      failures.add("the token is not a JWS: " + e.getMessage());
      return;
    }
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    // The portal signs with ES256 (ADR 0011); anything else, "none" above all, is refused.
    if (!JWSAlgorithm.ES256.equals(algorithm)) {
      failures.add("the token's algorithm is not ES256: " + algorithm);
      return;
    }
    JWK key =
        jwt.getHeader().getKeyID() == null ? null : keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    if (key == null) {
      failures.add("the token's key " + jwt.getHeader().getKeyID() + " is not in the JWKS");
      return;
    }
    try {
      if (!(key instanceof ECKey ec)) {
        failures.add("the token's key " + key.getKeyID() + " is not an EC key");
        return;
      }
      JWSVerifier verifier = new ECDSAVerifier(ec.toPublicJWK());
      if (!jwt.verify(verifier)) {
        failures.add("the token's signature does not verify");
        return;
      }
    } catch (JOSEException e) {
      failures.add("the token's key cannot verify it: " + e.getMessage());
      return;
    }
    try {
      expect(failures, "iss", issuer, claims.getIssuer());
      if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
        failures.add("the token is not for this node (aud " + claims.getAudience() + ")");
      }
      Date issued = claims.getIssueTime();
      Date expires = claims.getExpirationTime();
      if (issued == null || expires == null) {
        failures.add("the token lacks iat or exp");
      } else {
        if (Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAX_TOKEN_LIFETIME)
            > 0) {
          failures.add("the token lives longer than an hour");
        }
        if (!now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
          failures.add("the token expired at " + expires.toInstant());
        }
        if (issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
          failures.add("the token is issued in the future");
        }
      }
      expect(failures, "jti", answer.releaseId(), claims.getJWTID());
      expect(failures, "application", ask.applicationId(), claims.getStringClaim("application"));
      expect(failures, "dataset", ask.datasetId(), claims.getStringClaim("dataset"));
      expect(failures, "recipient", ask.recipient(), claims.getStringClaim("recipient"));
      expect(
          failures,
          "subjects_sha256",
          subjectsSha256(answer.permitted()),
          claims.getStringClaim("subjects_sha256"));
      Long index = claims.getLongClaim("audit_index");
      if (index == null || index != answer.audit().index()) {
        failures.add("the token's audit_index " + index + " is not the answer's audit entry");
      }
    } catch (ParseException e) {
      failures.add("a claim of the token has the wrong type: " + e.getMessage());
    }
  }

  private Checkpoint checkProof(ReleaseAnswer.Audit audit, List<String> failures) {
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.verify(audit.checkpoint(), logKey);
    } catch (NoteException e) {
      failures.add("the checkpoint does not verify with the log's key: " + e.getMessage());
      return null;
    }
    if (!ProofVerifier.verifyInclusion(
        audit.index(),
        checkpoint.size(),
        audit.leafHash(),
        audit.inclusionProof(),
        checkpoint.rootHash())) {
      failures.add(
          "the audit entry "
              + audit.index()
              + " is not proven in the log of size "
              + checkpoint.size());
    }
    return checkpoint;
  }

  private static void expect(List<String> failures, String claim, String wanted, String found) {
    if (!Objects.equals(wanted, found)) {
      failures.add("the token's " + claim + " is " + found + ", not " + wanted);
    }
  }

  /** Base64 of SHA-256 over the pseudonyms, sorted, joined by {@code \n} (the contract). */
  public static String subjectsSha256(List<String> psns) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  String.join("\n", psns.stream().sorted().toList())
                      .getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
