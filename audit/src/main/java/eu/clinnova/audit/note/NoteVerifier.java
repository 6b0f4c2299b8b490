package eu.clinnova.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks signed notes against one verifier key: the note must carry a signature line with the key's
 * name and hash, and that signature must verify over the note's text. Other signature lines
 * (cosigners) are ignored.
 */
public final class NoteVerifier {

  private final String name;
  private final byte[] keyHash;
  private final PublicKey publicKey;

  private NoteVerifier(String name, byte[] keyHash, PublicKey publicKey) {
    this.name = name;
    this.keyHash = keyHash;
    this.publicKey = publicKey;
  }

  /** Reads a verifier key {@code <name>+<hex hash>+<base64(0x01 || public key)>}. */
  public static NoteVerifier of(String verifierKey) {
    String[] parts = verifierKey.strip().split("\\+", 3);
    if (parts.length != 3) {
      throw new NoteException("not a verifier key: " + verifierKey);
    }
    NoteNames.check(parts[0]);
    byte[] encoded;
    byte[] hash;
    try {
      encoded = Base64.getDecoder().decode(parts[2]);
      hash = HexFormat.of().parseHex(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new NoteException("not a verifier key: " + verifierKey);
    }
    if (encoded.length != 33 || encoded[0] != NoteKey.ALGORITHM_ED25519 || hash.length != 4) {
      throw new NoteException("not an Ed25519 verifier key");
    }
    byte[] raw = Arrays.copyOfRange(encoded, 1, 33);
    if (!Arrays.equals(hash, NoteKey.keyHash(parts[0], raw))) {
      throw new NoteException("the verifier key's hash does not match its name and key");
    }
    try {
      return new NoteVerifier(parts[0], hash, NoteKey.publicKey(raw));
    } catch (GeneralSecurityException e) {
      throw new NoteException("not a valid Ed25519 public key");
    }
  }

  public String name() {
    return name;
  }

  /**
   * Verifies {@code note} and returns its text (without the signatures); throws if it does not
   * verify.
   */
  public String verify(String note) {
    int separator = note.lastIndexOf("\n\n");
    if (separator < 0) {
      throw new NoteException("a signed note has a blank line before its signatures");
    }
    String text = note.substring(0, separator + 1);
    String signatures = note.substring(separator + 2);
    NoteFormat.checkText(text);
    if (!signatures.endsWith("\n")) {
      throw new NoteException("the signature lines must end with a newline");
    }
    for (String line : signatures.split("\n")) {
      if (!line.startsWith("\u2014 ")) {
        throw new NoteException("malformed signature line: " + line);
      }
      String[] fields = line.substring(2).split(" ");
      if (fields.length != 2 || !fields[0].equals(name)) {
        continue;
      }
      byte[] signatureLine;
      try {
        signatureLine = Base64.getDecoder().decode(fields[1]);
      } catch (IllegalArgumentException e) {
        throw new NoteException("malformed signature encoding");
      }
      if (signatureLine.length != 4 + 64
          || !MessageDigest.isEqual(Arrays.copyOf(signatureLine, 4), keyHash)) {
        continue;
      }
      if (check(text, Arrays.copyOfRange(signatureLine, 4, signatureLine.length))) {
        return text;
      }
      throw new NoteException("the signature of " + name + " does not verify");
    }
    throw new NoteException("the note has no signature by " + name);
  }

  private boolean check(String text, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(text.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
