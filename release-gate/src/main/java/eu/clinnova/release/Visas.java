package eu.clinnova.release;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.clinnova.workflow.entitlement.Entitlement;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GA4GH Passport 1.2 visas: one {@code ControlledAccessGrants} visa per active entitlement, signed
 * with the release keys ({@code jku} = the JWKS), asserted by the data-access committee ({@code by:
 * dac}), expiring no later than the entitlement (and at most a day after issue, so that a revoked
 * entitlement is not vouched for long).
 */
public final class Visas {

  public static final String TYPE = "vnd.ga4gh.visa+jwt";
  public static final Duration MAX_LIFETIME = Duration.ofDays(1);

  private Visas() {}

  /**
   * A signed visa for {@code entitlement}.
   *
   * @param issuer the portal's API base URL (the visa issuer)
   * @param jwks where the verifying keys are ({@code /api/v1/keys})
   * @param datasetUri the dataset's address, the visa's value
   * @param committee the committee's address, the visa's source
   */
  public static String sign(
      ECKey key,
      URI issuer,
      URI jwks,
      Entitlement entitlement,
      URI datasetUri,
      URI committee,
      Instant now) {
    Instant expiry = entitlement.validUntil();
    if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
      expiry = now.plus(MAX_LIFETIME);
    }
    Map<String, Object> visa = new LinkedHashMap<>();
    visa.put("type", "ControlledAccessGrants");
    visa.put("asserted", entitlement.validFrom().getEpochSecond());
    visa.put("value", datasetUri.toString());
    visa.put("source", committee.toString());
    visa.put("by", "dac");
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer.toString())
            .subject(entitlement.researcher())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiry))
            .jwtID(entitlement.id().toString())
            .claim("ga4gh_visa_v1", visa)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(TYPE))
                .keyID(key.getKeyID())
                .jwkURL(jwks)
                .build(),
            claims);
    try {
      jwt.sign(new Es256Signer(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("the visa cannot be signed", e);
    }
    return jwt.serialize();
  }
}
