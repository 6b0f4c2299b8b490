package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import eu.clinnova.workflow.entitlement.Entitlement;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisasTest {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @TempDir java.nio.file.Path directory;

  static Entitlement entitlement(Instant until) {
    return new Entitlement(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "researcher-sub",
        "lu-ibd-clinical",
        "LU",
        UUID.randomUUID(),
        LocalDate.of(2027, 6, 30),
        NOW.minusSeconds(3600),
        until,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void aVisaIsAControlledAccessGrantByTheCommitteeNoLongerThanTheEntitlement() throws Exception {
    SigningKeys keys =
        SigningKeys.open(
            directory.resolve("k.jwks"), Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
    Entitlement entitlement = entitlement(NOW.plusSeconds(1800));
    String visa =
        Visas.sign(
            keys.current(),
            URI.create("https://portal.example/api/v1"),
            URI.create("https://portal.example/api/v1/keys"),
            entitlement,
            URI.create("https://portal.example/api/v1/datasets/lu-ibd-clinical"),
            URI.create("https://portal.example/committees/LU"),
            NOW);
    SignedJWT jwt = SignedJWT.parse(visa);
    assertEquals("vnd.ga4gh.visa+jwt", jwt.getHeader().getType().getType());
    assertEquals("https://portal.example/api/v1/keys", jwt.getHeader().getJWKURL().toString());
    assertTrue(
        jwt.verify(
            new ECDSAVerifier(
                (ECKey) keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID()))));
    assertEquals("researcher-sub", jwt.getJWTClaimsSet().getSubject());
    assertEquals(entitlement.validUntil(), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
    Map<String, Object> grant = jwt.getJWTClaimsSet().getJSONObjectClaim("ga4gh_visa_v1");
    assertEquals("ControlledAccessGrants", grant.get("type"));
    assertEquals("dac", grant.get("by"));
    assertEquals("https://portal.example/api/v1/datasets/lu-ibd-clinical", grant.get("value"));
    assertEquals(
        entitlement.validFrom().getEpochSecond(), ((Number) grant.get("asserted")).longValue());

    String longLived =
        Visas.sign(
            keys.current(),
            URI.create("https://p/api/v1"),
            URI.create("https://p/api/v1/keys"),
            entitlement(NOW.plus(Duration.ofDays(400))),
            URI.create("https://p/d"),
            URI.create("https://p/c"),
            NOW);
    assertEquals(
        NOW.plus(Visas.MAX_LIFETIME),
        SignedJWT.parse(longLived).getJWTClaimsSet().getExpirationTime().toInstant(),
        "at most a day, so that a revocation is not vouched for long");
  }
}
