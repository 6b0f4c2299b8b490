package eu.clinnova.audit.note;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clinnova.audit.merkle.TestVectors;
import org.junit.jupiter.api.Test;

/** The signed-note examples of C2SP and of Go's sumdb/note, signed and verified by our code. */
class SignedNoteVectorsTest {

  @Test
  void theC2spExampleVerifiesWithItsVerifierKey() {
    JsonNode example = TestVectors.json().get("signed_note_example");
    NoteVerifier verifier = NoteVerifier.of(example.get("vkey").asText());
    assertEquals("This is an example message.\n", verifier.verify(example.get("note").asText()));
  }

  @Test
  void signingWithTheSumdbPrivateKeyReproducesItsSignatureByteForByte() {
    JsonNode example = TestVectors.json().get("go_sumdb_note_example");
    NoteKey key = NoteKey.parse(example.get("skey").asText());
    assertEquals(example.get("vkeys").get(0).asText(), key.verifierKey());
    String note = example.get("note").asText();
    String text = note.substring(0, note.indexOf("\n\n") + 1);
    String firstSignature = note.substring(note.indexOf("\n\n") + 2).split("\n")[0];
    String signed = key.sign(text);
    assertEquals(text + "\n" + firstSignature + "\n", signed);
  }

  @Test
  void aNoteWithTwoSignaturesVerifiesWithEitherKey() {
    JsonNode example = TestVectors.json().get("go_sumdb_note_example");
    String note = example.get("note").asText();
    for (JsonNode vkey : example.get("vkeys")) {
      assertTrue(
          NoteVerifier.of(vkey.asText()).verify(note).startsWith("If you think cryptography"));
    }
  }

  @Test
  void anyChangedByteOfTheTextFailsVerification() {
    JsonNode example = TestVectors.json().get("signed_note_example");
    NoteVerifier verifier = NoteVerifier.of(example.get("vkey").asText());
    String note = example.get("note").asText();
    assertThrows(
        NoteException.class,
        () -> verifier.verify(note.replace("example message", "example massage")));
  }

  @Test
  void aNoteSignedByAnotherKeyOfTheSameNameIsRefused() {
    NoteKey genuine = NoteKey.generate("clinnova.test/audit");
    NoteKey impostor = NoteKey.generate("clinnova.test/audit");
    String forged =
        impostor.sign("clinnova.test/audit\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
    assertThrows(NoteException.class, () -> NoteVerifier.of(genuine.verifierKey()).verify(forged));
  }

  @Test
  void aGeneratedKeyRoundTripsThroughItsTextForm() {
    NoteKey key = NoteKey.generate("clinnova.test/audit");
    NoteKey again = NoteKey.parse(key.privateKeyText());
    assertEquals(key.verifierKey(), again.verifierKey());
    Checkpoint checkpoint = new Checkpoint("clinnova.test/audit", 42, new byte[32]);
    String note = again.sign(checkpoint.body());
    assertEquals(checkpoint, Checkpoint.verify(note, NoteVerifier.of(key.verifierKey())));
  }

  @Test
  void malformedCheckpointsAreRefused() {
    assertThrows(NoteException.class, () -> Checkpoint.parse("origin\n-1\nAAAA\n"));
    assertThrows(
        NoteException.class, () -> Checkpoint.parse("origin\n01\n" + "A".repeat(43) + "=\n"));
    assertThrows(NoteException.class, () -> Checkpoint.parse("origin\n1\nnot base64\n"));
    assertThrows(NoteException.class, () -> Checkpoint.parse("origin\n1\n"));
  }
}
