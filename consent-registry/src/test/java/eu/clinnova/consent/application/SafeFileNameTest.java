package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeFileNameTest {

  @Test
  void aPdfNamedLikeAPageGetsThePdfExtension() {
    assertEquals("report.html.pdf", SafeFileName.of("report.html", "application/pdf"));
  }

  @Test
  void aNameWithTheRightExtensionIsKept() {
    assertEquals(
        "CNER approval (2026).pdf", SafeFileName.of("CNER approval (2026).pdf", "application/pdf"));
    assertEquals("scan.JPEG", SafeFileName.of("scan.JPEG", "image/jpeg"));
    assertEquals(
        "Zustimmung-Ärztekammer.png", SafeFileName.of("Zustimmung-Ärztekammer.png", "image/png"));
  }

  @Test
  void pathsQuotesAndControlCharactersDoNotSurvive() {
    assertEquals("passwd.pdf", SafeFileName.of("../../etc/passwd", "application/pdf"));
    assertEquals("x.pdf", SafeFileName.of("C:\\temp\\x.pdf", "application/pdf"));
    String quoted = SafeFileName.of("a\"; filename=evil.html\r\n.pdf", "application/pdf");
    assertFalse(quoted.contains("\""), quoted);
    assertFalse(quoted.contains("\r") || quoted.contains("\n") || quoted.contains(";"), quoted);
    assertTrue(quoted.endsWith(".pdf"), quoted);
  }

  @Test
  void aNameNeverStartsWithADotNorIsEmpty() {
    assertEquals("htaccess.pdf", SafeFileName.of(".htaccess", "application/pdf"));
    assertEquals("attachment.png", SafeFileName.of("", "image/png"));
    assertEquals("attachment.png", SafeFileName.of(null, "image/png"));
    assertEquals("attachment.pdf", SafeFileName.of("...", "application/pdf"));
    assertEquals("pdf.pdf", SafeFileName.of(".pdf", "application/pdf"));
  }

  @Test
  void aLongNameIsCutButKeepsItsExtension() {
    String name = SafeFileName.of("a".repeat(500) + ".pdf", "application/pdf");
    assertEquals(SafeFileName.MAX_LENGTH, name.length());
    assertTrue(name.endsWith(".pdf"));
    String noExtension = SafeFileName.of("b".repeat(500), "image/jpeg");
    assertEquals(SafeFileName.MAX_LENGTH, noExtension.length());
    assertTrue(noExtension.endsWith(".jpg"));
  }
}
