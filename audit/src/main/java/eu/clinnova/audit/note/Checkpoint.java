package eu.clinnova.audit.note;

import eu.clinnova.audit.merkle.Hashes;
import java.util.Base64;

/**
 * A C2SP tlog-checkpoint body: the log's origin, its size in decimal, and its root hash in base64,
 * each on its own line.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

  public Checkpoint {
    if (origin == null || origin.isBlank() || origin.contains("\n")) {
      throw new NoteException("a checkpoint's origin is one non-empty line");
    }
    if (size < 0) {
      throw new NoteException("a checkpoint's size is not negative");
    }
    if (rootHash == null || rootHash.length != Hashes.SIZE) {
      throw new NoteException("a checkpoint's root hash has 32 bytes");
    }
    rootHash = rootHash.clone();
  }

  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
  }

  /** Reads a checkpoint body (extension lines after the third are allowed and ignored). */
  public static Checkpoint parse(String body) {
    String[] lines = body.split("\n", -1);
    if (lines.length < 4 || !body.endsWith("\n")) {
      throw new NoteException("a checkpoint has an origin, a size and a root hash line");
    }
    long size;
    byte[] root;
    try {
      if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
        throw new NumberFormatException(lines[1]);
      }
      size = Long.parseLong(lines[1]);
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteException("malformed checkpoint size or root hash");
    }
    return new Checkpoint(lines[0], size, root);
  }

  /** Verifies a signed checkpoint note with {@code verifier} and reads its body. */
  public static Checkpoint verify(String signedNote, NoteVerifier verifier) {
    return parse(verifier.verify(signedNote));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint that
        && origin.equals(that.origin)
        && size == that.size
        && java.util.Arrays.equals(rootHash, that.rootHash);
  }

  @Override
  public int hashCode() {
    return origin.hashCode() * 31 + Long.hashCode(size);
  }
}
