package eu.clinnova.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import eu.clinnova.audit.log.CheckpointSigner;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.MerkleTree;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's checks against answers made here as the portal makes them (ES256 token, a real Merkle
 * tree, a checkpoint signed with an Ed25519 note key), then each one spoiled in one way.
 */
class AnswerVerifierTest {

  static final String ISSUER = "https://portal.example/api/v1";
  static final String NODE = "node-lu";
  static final String APPLICATION = "0b1c7a52-27d5-4b5f-9f0a-6f1d0e7f3a10";
  static final String DATASET = "lu-ibd-clinical";
  static final String RECIPIENT = "2d4a0f6e-researcher";
  static final ReleaseAsk ASK =
      new ReleaseAsk(APPLICATION, DATASET, RECIPIENT, List.of("LU-0001", "LU-0002", "LU-0003"));
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final int LOG_SIZE = 11;
  static final int INDEX = 7;

  static ECKey signingKey;
  static ECKey otherKey;
  static NoteKey logKey;
  static List<byte[]> leaves = new ArrayList<>();
  static MerkleTree tree;

  @BeforeAll
  static void keysAndLog() throws JOSEException {
    signingKey = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    otherKey = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    logKey = NoteKey.generate("portal.example/log");
    for (int i = 0; i < LOG_SIZE; i++) {
      leaves.add(Hashes.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    tree = new MerkleTree(AnswerVerifierTest::subtree);
  }

  /** The hash of the perfect subtree at (level, index), computed from the leaves. */
  static byte[] subtree(int level, long index) {
    if (level == 0) {
      return leaves.get((int) index);
    }
    return Hashes.node(subtree(level - 1, 2 * index), subtree(level - 1, 2 * index + 1));
  }

  static AnswerVerifier verifier() {
    return new AnswerVerifier(
        ISSUER, NODE, new JWKSet(signingKey.toPublicJWK()), NoteVerifier.of(logKey.verifierKey()));
  }

  static JWTClaimsSet.Builder claims(List<String> permitted) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(NODE)
        .issueTime(Date.from(NOW.minusSeconds(5)))
        .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(55))))
        .jwtID("rel-1")
        .claim("application", APPLICATION)
        .claim("dataset", DATASET)
        .claim("recipient", RECIPIENT)
        .claim("subjects_sha256", AnswerVerifier.subjectsSha256(permitted))
        .claim("audit_index", (long) INDEX);
  }

  static String sign(ECKey key, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  static ReleaseAnswer answer(
      String decision, List<String> permitted, Optional<String> token, ReleaseAnswer.Audit audit) {
    List<ReleaseAnswer.Denial> denied =
        ASK.subjects().stream()
            .filter(psn -> !permitted.contains(psn))
            .map(psn -> new ReleaseAnswer.Denial(psn, "consent-withdrawn"))
            .toList();
    return new ReleaseAnswer("rel-1", decision, permitted, denied, List.of(), token, audit, "{}");
  }

  static ReleaseAnswer.Audit audit() {
    return new ReleaseAnswer.Audit(
        INDEX,
        leaves.get(INDEX),
        new CheckpointSigner("portal.example/log", logKey).sign(LOG_SIZE, tree.root(LOG_SIZE)),
        tree.inclusionProof(INDEX, LOG_SIZE));
  }

  static ReleaseAnswer partial(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
    List<String> permitted = List.of("LU-0001", "LU-0003");
    return answer(
        "partial",
        permitted,
        Optional.of(sign(signingKey, change.apply(claims(permitted)).build())),
        audit());
  }

  static List<String> failures(ReleaseAnswer answer) {
    return verifier().verify(ASK, answer, NOW).failures();
  }

  @Test
  void aTrueAnswerVerifies() throws JOSEException {
    AnswerVerifier.Verification verification =
        verifier().verify(ASK, partial(claims -> claims), NOW);
    assertEquals(List.of(), verification.failures());
    assertEquals(LOG_SIZE, verification.checkpoint().size());
    assertTrue(verification.passed());
  }

  @Test
  void aDenialNeedsNoTokenButMustNotCarryOne() throws JOSEException {
    assertEquals(List.of(), failures(answer("deny", List.of(), Optional.empty(), audit())));
    String token = sign(signingKey, claims(List.of()).build());
    assertFalse(failures(answer("deny", List.of(), Optional.of(token), audit())).isEmpty());
  }

  @Test
  void theTokenMustStateThisRelease() throws JOSEException {
    assertFailsOn("subjects_sha256", partial(c -> c.claim("subjects_sha256", "AAAA")));
    assertFailsOn("not for this node", partial(c -> c.audience("node-fr")));
    assertFailsOn("iss", partial(c -> c.issuer("https://elsewhere.example/api/v1")));
    assertFailsOn("jti", partial(c -> c.jwtID("rel-2")));
    assertFailsOn("application", partial(c -> c.claim("application", "another")));
    assertFailsOn("dataset", partial(c -> c.claim("dataset", "fr-ibd-clinical")));
    assertFailsOn("recipient", partial(c -> c.claim("recipient", "someone-else")));
    assertFailsOn("audit_index", partial(c -> c.claim("audit_index", (long) INDEX + 1)));
    assertFailsOn(
        "expired", partial(c -> c.expirationTime(Date.from(NOW.minus(Duration.ofMinutes(5))))));
    assertFailsOn(
        "longer than an hour",
        partial(c -> c.expirationTime(Date.from(NOW.plus(Duration.ofHours(2))))));
  }

  @Test
  void theTokenMustBeSignedByAPublishedKey() throws JOSEException {
    List<String> permitted = List.of("LU-0001", "LU-0003");
    assertFailsOn(
        "signature",
        answer(
            "partial", permitted, Optional.of(sign(otherKey, claims(permitted).build())), audit()));
    String unsigned = new PlainJWT(claims(permitted).build()).serialize();
    assertFailsOn("not a JWS", answer("partial", permitted, Optional.of(unsigned), audit()));
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(permitted).build());
    hmac.sign(new MACSigner(new byte[32]));
    assertFailsOn(
        "not ES256", answer("partial", permitted, Optional.of(hmac.serialize()), audit()));
    assertFailsOn("carries no token", answer("partial", permitted, Optional.empty(), audit()));
  }

  @Test
  void theAnswerMustFitTheQuestion() throws JOSEException {
    List<String> permitted = List.of("LU-0001", "LU-0009");
    assertFailsOn(
        "not asked for",
        answer(
            "partial",
            permitted,
            Optional.of(sign(signingKey, claims(permitted).build())),
            audit()));
    List<String> some = List.of("LU-0001");
    assertFailsOn(
        "does not fit",
        answer("permit", some, Optional.of(sign(signingKey, claims(some).build())), audit()));
  }

  @Test
  void theEntryMustBeProvenInASignedLog() throws JOSEException {
    ReleaseAnswer.Audit good = audit();
    ReleaseAnswer.Audit otherLeaf =
        new ReleaseAnswer.Audit(
            INDEX, leaves.get(INDEX - 1), good.checkpoint(), good.inclusionProof());
    assertFailsOn("not proven", withAudit(otherLeaf));
    ReleaseAnswer.Audit forgedCheckpoint =
        new ReleaseAnswer.Audit(
            INDEX,
            good.leafHash(),
            new CheckpointSigner("portal.example/log", NoteKey.generate("portal.example/log"))
                .sign(LOG_SIZE, tree.root(LOG_SIZE)),
            good.inclusionProof());
    assertFailsOn("checkpoint does not verify", withAudit(forgedCheckpoint));
    ReleaseAnswer.Audit shortProof =
        new ReleaseAnswer.Audit(
            INDEX, good.leafHash(), good.checkpoint(), good.inclusionProof().subList(1, 3));
    assertFailsOn("not proven", withAudit(shortProof));
  }

  private static ReleaseAnswer withAudit(ReleaseAnswer.Audit audit) throws JOSEException {
    List<String> permitted = List.of("LU-0001", "LU-0003");
    return answer(
        "partial", permitted, Optional.of(sign(signingKey, claims(permitted).build())), audit);
  }

  private static void assertFailsOn(String expected, ReleaseAnswer answer) {
    List<String> failures = failures(answer);
    assertTrue(
        failures.stream().anyMatch(failure -> failure.contains(expected)),
        "expected a failure about " + expected + ", got " + failures);
  }
}
