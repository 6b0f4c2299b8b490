package eu.clinnova.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

/** Tokens signed here verify with the JDK's ES256 (through Nimbus), and only untouched ones. */
class Es256SignerTest {

  @Test
  void signaturesVerifyWithTheJdkAndBreakOnAnyChange() throws Exception {
    for (int i = 0; i < 50; i++) {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k" + i).generate();
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
              new Payload("{\"n\":" + i + "}"));
      jws.sign(new Es256Signer(key));
      String compact = jws.serialize();
      ECDSAVerifier verifier = new ECDSAVerifier(key.toPublicJWK());
      assertTrue(JWSObject.parse(compact).verify(verifier), "round " + i);
      String[] parts = compact.split("\\.");
      String otherPayload = new Payload("{\"n\":" + (i + 1) + "}").toBase64URL().toString();
      assertFalse(JWSObject.parse(parts[0] + "." + otherPayload + "." + parts[2]).verify(verifier));
      ECKey other = new ECKeyGenerator(Curve.P_256).generate();
      assertFalse(JWSObject.parse(compact).verify(new ECDSAVerifier(other.toPublicJWK())));
      assertEquals(86, parts[2].length(), "R || S, 64 bytes");
    }
  }

  @Test
  void refusesOtherAlgorithmsAndKeys() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    JWSObject hs = new JWSObject(new JWSHeader(JWSAlgorithm.ES384), new Payload("{}"));
    assertThrows(JOSEException.class, () -> hs.sign(new Es256Signer(key)));
    assertThrows(IllegalArgumentException.class, () -> new Es256Signer(key.toPublicJWK()));
    ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
    assertThrows(IllegalArgumentException.class, () -> new Es256Signer(p384));
  }
}
