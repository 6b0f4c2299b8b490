package eu.clinnova.audit.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The checkpoint key signs exactly as the JDK's Ed25519 would, and its notes verify. */
class NoteKeyTest {

  @Test
  void signaturesAreTheJdksOwnAndVerify() throws Exception {
    for (int i = 0; i < 20; i++) {
      NoteKey key = NoteKey.generate("clinnova.example/log");
      String text = "clinnova.example/log\n" + (i * 7919) + "\nroot" + i + "=\n";
      String note = key.sign(text);
      String line = note.substring(note.lastIndexOf(' ') + 1).strip();
      byte[] decoded = Base64.getDecoder().decode(line);
      assertArrayEquals(key.keyHash(), Arrays.copyOf(decoded, 4));
      assertArrayEquals(
          key.jdkSignature(text.getBytes(StandardCharsets.UTF_8)),
          Arrays.copyOfRange(decoded, 4, decoded.length));
      assertEquals(
          text, NoteVerifier.of(key.verifierKey()).verify(note), "the note verifies with the JDK");
    }
  }
}
