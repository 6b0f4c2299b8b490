package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The release gate's public side (issue 6, begun): the JWKS that verifies its tokens. */
@ExtendWith({ArquillianExtension.class, PortalDeployed.class})
class ReleaseApiIT {

  @Test
  void visasAreSignedControlledAccessGrantsForActiveEntitlementsOnly() throws Exception {
    String researcher = Tokens.user("researcher2");
    String id =
        ApplicationApiIT.approvedNotAccepted(researcher, "lu-ibd-clinical", "LU", "CNER 202402");
    assertEquals(
        201,
        Api.post(
                "/api/v1/applications/" + id + "/agreement",
                researcher,
                ApplicationApiIT.acceptance())
            .statusCode());
    String entitlement =
        ApplicationApiIT.entitlementOf(researcher, id, "lu-ibd-clinical").orElseThrow();
    String sub = Api.json(Api.get("/api/v1/me", researcher)).get("sub").asText();

    JsonNode own = Api.json(Api.get("/api/v1/ga4gh/visas", researcher));
    com.nimbusds.jwt.SignedJWT visa = visaFor(own, entitlement);
    com.nimbusds.jose.jwk.JWKSet keys =
        com.nimbusds.jose.jwk.JWKSet.parse(
            Api.send(HttpRequest.newBuilder(Api.uri("/api/v1/keys")).GET().build()).body());
    assertTrue(
        visa.verify(
            new com.nimbusds.jose.crypto.ECDSAVerifier(
                (com.nimbusds.jose.jwk.ECKey) keys.getKeyByKeyId(visa.getHeader().getKeyID()))));
    assertEquals("vnd.ga4gh.visa+jwt", visa.getHeader().getType().getType());
    assertTrue(visa.getHeader().getJWKURL().toString().endsWith("/api/v1/keys"));
    assertEquals(sub, visa.getJWTClaimsSet().getSubject());
    assertEquals("dac", visa.getJWTClaimsSet().getJSONObjectClaim("ga4gh_visa_v1").get("by"));
    assertEquals(
        "ControlledAccessGrants",
        visa.getJWTClaimsSet().getJSONObjectClaim("ga4gh_visa_v1").get("type"));

    // A node asks for a named user, and sees only its own jurisdiction's grants.
    visaFor(
        Api.json(Api.get("/api/v1/ga4gh/visas?user=" + sub, Tokens.node("node-lu"))), entitlement);
    assertFalse(
        Api.get("/api/v1/ga4gh/visas?user=" + sub, Tokens.node("node-fr"))
            .body()
            .contains(entitlement));
    ApiIT.assertProblem(
        Api.get("/api/v1/ga4gh/visas", Tokens.node("node-lu")), 400, "invalid-request");
    ApiIT.assertProblem(
        Api.get("/api/v1/ga4gh/visas?user=someone-else", researcher), 403, "forbidden");

    // Revoked: no visa any more.
    assertEquals(
        200,
        Api.post(
                "/api/v1/entitlements/" + entitlement + "/revoke",
                Tokens.user("dac-lu"),
                "{\"reason\":\"Test of visas.\"}")
            .statusCode());
    assertFalse(Api.get("/api/v1/ga4gh/visas", researcher).body().contains(entitlement));
  }

  /** The visa (by its jti, the entitlement id) among a passport's visas. */
  static com.nimbusds.jwt.SignedJWT visaFor(JsonNode passport, String entitlement)
      throws Exception {
    for (JsonNode token : passport.get("ga4gh_passport_v1")) {
      com.nimbusds.jwt.SignedJWT visa = com.nimbusds.jwt.SignedJWT.parse(token.asText());
      if (entitlement.equals(visa.getJWTClaimsSet().getJWTID())) {
        return visa;
      }
    }
    throw new AssertionError("no visa for " + entitlement + " in " + passport);
  }

  @Test
  void anyoneReadsThePublicSigningKeysAndNoPrivatePart() {
    HttpResponse<String> response =
        Api.send(HttpRequest.newBuilder(Api.uri("/api/v1/keys")).GET().build());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/jwk-set+json"),
        response.headers().toString());
    JsonNode keys = Api.json(response).get("keys");
    assertTrue(keys.size() >= 1, response.body());
    for (JsonNode key : keys) {
      assertEquals("EC", key.get("kty").asText());
      assertEquals("P-256", key.get("crv").asText());
      assertEquals("ES256", key.get("alg").asText());
      assertEquals("sig", key.get("use").asText());
      assertFalse(key.has("d"), "never the private part");
      assertTrue(key.has("kid") && key.has("iat"), key.toString());
    }
  }
}
