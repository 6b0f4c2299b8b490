package eu.clinnova.consent.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceTypeTest {

  @Test
  void theTypeComesFromTheFirstBytesNotFromTheName() {
    assertEquals(
        Optional.of("application/pdf"),
        EvidenceType.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.of("image/png"),
        EvidenceType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}));
    assertEquals(
        Optional.of("image/jpeg"),
        EvidenceType.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}));
    assertEquals(Optional.empty(), EvidenceType.of("GIF89a".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), EvidenceType.of("%PD".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), EvidenceType.of(new byte[0]));
  }
}
