package eu.clinnova.release;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The token a permitted release carries (the contract's claims): who issued it, for which node,
 * when, until when (at most an hour), the release's id, the application, dataset and recipient, the
 * SHA-256 of the permitted pseudonyms (sorted, joined by new lines) and the audit entry's index.
 */
public final class ReleaseToken {

  private ReleaseToken() {}

  /** The facts a token states. */
  public record Claims(
      String issuer,
      String node,
      Instant issuedAt,
      Duration lifetime,
      UUID releaseId,
      UUID applicationId,
      String datasetId,
      String recipient,
      String permittedSha256,
      long auditIndex) {}

  public static String sign(ECKey key, Claims claims) {
    if (claims.lifetime().compareTo(SigningKeys.TOKEN_LIFETIME) > 0) {
      throw new IllegalArgumentException("a release token lives at most an hour");
    }
    JWTClaimsSet set =
        new JWTClaimsSet.Builder()
            .issuer(claims.issuer())
            .audience(claims.node())
            .issueTime(Date.from(claims.issuedAt()))
            .expirationTime(Date.from(claims.issuedAt().plus(claims.lifetime())))
            .jwtID(claims.releaseId().toString())
            .claim("application", claims.applicationId().toString())
            .claim("dataset", claims.datasetId())
            .claim("recipient", claims.recipient())
            .claim("subjects_sha256", claims.permittedSha256())
            .claim("audit_index", claims.auditIndex())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            set);
    try {
      jwt.sign(new Es256Signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("the release token cannot be signed", e);
    }
    return jwt.serialize();
  }

  /**
   * Base64 of SHA-256 over the pseudonyms, sorted, joined by {@code \n} (the contract's digest).
   */
  public static String subjectsSha256(List<String> permitted) {
    return SubjectDigests.sortedNow(permitted).requested();
  }
}
