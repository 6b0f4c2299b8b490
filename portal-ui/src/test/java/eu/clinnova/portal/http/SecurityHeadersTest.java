package eu.clinnova.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void pagesGetThePolicyVaadinRunsUnderAndAreNeverFramed() {
    Map<String, String> headers = new SecurityHeaders(false).forPath("/patient");
    String csp = headers.get("Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("object-src 'none'"), csp);
    assertTrue(csp.contains("connect-src 'self'"), csp);
    assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    assertEquals("same-origin", headers.get("Referrer-Policy"));
    assertTrue(headers.containsKey("Permissions-Policy"));
    assertFalse(headers.containsKey("Strict-Transport-Security"), "not over http");
  }

  @Test
  void dataAndDownloadsRunNothing() {
    SecurityHeaders headers = new SecurityHeaders(false);
    for (String path :
        new String[] {
          "/api/v1/applications/x/attachments/y",
          "/api",
          "/openapi",
          "/VAADIN/dynamic/resource/1/a/b.pdf"
        }) {
      assertEquals(
          "default-src 'none'; frame-ancestors 'none'; sandbox",
          headers.forPath(path).get("Content-Security-Policy"),
          path);
    }
    assertTrue(
        headers
            .forPath("/VAADIN/build/bundle.js")
            .get("Content-Security-Policy")
            .contains("'self'"));
  }

  @Test
  void overHttpsBrowsersAreToldToStayOnHttps() {
    assertEquals(
        "max-age=63072000; includeSubDomains",
        new SecurityHeaders(true).forPath("/").get("Strict-Transport-Security"));
  }

  @Test
  void anAttachmentsNameIsOfferedSafelyInBothForms() {
    assertEquals(
        "attachment; filename=\"Zustimmung-_rztekammer.pdf\"; "
            + "filename*=UTF-8''Zustimmung-%C3%84rztekammer.pdf",
        ContentDisposition.attachment("Zustimmung-Ärztekammer.pdf"));
  }
}
