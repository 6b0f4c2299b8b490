package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
  static final Duration ROTATION = Duration.ofDays(90);

  @TempDir Path directory;

  static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  static ReleaseToken.Claims claims(Instant at, List<String> permitted) {
    return new ReleaseToken.Claims(
        "https://portal.example/api/v1",
        "node-lu",
        at,
        Duration.ofMinutes(60),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "lu-ibd-clinical",
        "researcher-sub",
        ReleaseToken.subjectsSha256(permitted),
        42);
  }

  @Test
  void keysAreMadeOnceKeptPrivateAndReadAgain() throws Exception {
    Path file = directory.resolve("keys/release-keys.jwks");
    SigningKeys first = SigningKeys.open(file, ROTATION, at(START));
    assertTrue(Files.exists(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    SigningKeys again = SigningKeys.open(file, ROTATION, at(START.plusSeconds(60)));
    assertEquals(first.current().getKeyID(), again.current().getKeyID());
    for (JWK key : again.publicKeys().getKeys()) {
      assertFalse(key.isPrivate(), "the JWKS holds public keys only");
    }
  }

  @Test
  void aTokenVerifiesWithThePublishedKeyAndStatesTheContractsClaims() throws Exception {
    SigningKeys keys = SigningKeys.open(directory.resolve("k.jwks"), ROTATION, at(START));
    String token = ReleaseToken.sign(keys.current(), claims(START, List.of("LU-0002", "LU-0001")));
    SignedJWT jwt = SignedJWT.parse(token);
    ECKey published = (ECKey) keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
    assertTrue(jwt.verify(new ECDSAVerifier(published)));
    assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
    assertEquals(List.of("node-lu"), jwt.getJWTClaimsSet().getAudience());
    assertEquals(
        3600_000L,
        jwt.getJWTClaimsSet().getExpirationTime().getTime()
            - jwt.getJWTClaimsSet().getIssueTime().getTime());
    assertEquals(42L, jwt.getJWTClaimsSet().getLongClaim("audit_index"));
    // SHA-256("LU-0001\nLU-0002"), sorted whatever the order given.
    assertEquals(
        ReleaseToken.subjectsSha256(List.of("LU-0001", "LU-0002")),
        jwt.getJWTClaimsSet().getStringClaim("subjects_sha256"));
    assertEquals(
        java.util.Base64.getEncoder()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest("LU-0001\nLU-0002".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        ReleaseToken.subjectsSha256(List.of("LU-0002", "LU-0001")));
  }

  @Test
  void rotationKeepsTheOldKeyPublishedUntilItsTokensHaveExpired() throws Exception {
    Path file = directory.resolve("rotating.jwks");
    SigningKeys before = SigningKeys.open(file, ROTATION, at(START));
    String oldKey = before.current().getKeyID();
    String oldToken = ReleaseToken.sign(before.current(), claims(START, List.of("LU-0001")));
    Instant rotated = START.plus(ROTATION).plusSeconds(1);
    SigningKeys after = SigningKeys.open(file, ROTATION, at(rotated));
    assertNotEquals(oldKey, after.current().getKeyID(), "a new key signs");
    assertEquals(2, after.publicKeys().getKeys().size(), "both are published");
    SignedJWT old = SignedJWT.parse(oldToken);
    JWSVerifier verifier =
        new ECDSAVerifier((ECKey) after.publicKeys().getKeyByKeyId(old.getHeader().getKeyID()));
    assertTrue(old.verify(verifier), "a token signed before the rotation still verifies");

    SigningKeys later =
        SigningKeys.open(file, ROTATION, at(rotated.plus(SigningKeys.TOKEN_LIFETIME)));
    assertEquals(1, later.publicKeys().getKeys().size(), "retired once its tokens have expired");
    assertEquals(after.current().getKeyID(), later.current().getKeyID());
  }

  @Test
  void instancesSharingTheFileMakeOneKeyAndEachSignsWithTheNewestAfterARotation() throws Exception {
    Path file = directory.resolve("shared/release-keys.jwks");
    // Two instances start at once on the shared file: one key is made, both sign with it.
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<SigningKeys>> started = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      started.add(pool.submit(() -> SigningKeys.open(file, ROTATION, at(START))));
    }
    java.util.Set<String> current = new java.util.HashSet<>();
    for (java.util.concurrent.Future<SigningKeys> keys : started) {
      current.add(keys.get().current().getKeyID());
    }
    pool.shutdown();
    assertEquals(1, current.size(), "one key for all");
    assertEquals(1, started.get(1).get().publicKeys().getKeys().size());

    // The instance holding the watch rotates; the other signs with the new key and publishes both.
    Instant later = START.plus(ROTATION).plusSeconds(60);
    SigningKeys watch = SigningKeys.open(file, ROTATION, at(later));
    SigningKeys other = started.get(0).get();
    String made = watch.current().getKeyID();
    assertNotEquals(current.iterator().next(), made);
    assertEquals(made, other.current().getKeyID(), "the other instance signs with the new key");
    assertTrue(
        other.publicKeys().getKeys().stream().anyMatch(key -> key.getKeyID().equals(made)),
        "and publishes it");
    assertFalse(watch.rotateIfDue(), "due once, made once");
  }
}
