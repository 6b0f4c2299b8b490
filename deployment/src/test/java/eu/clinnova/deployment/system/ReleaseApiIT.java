package eu.clinnova.deployment.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The release gate's public side (issue 6, begun): the JWKS that verifies its tokens. */
@ExtendWith(ArquillianExtension.class)
class ReleaseApiIT {

  @Deployment(testable = false)
  static WebArchive portal() {
    return PortalDeployment.war();
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
