package eu.clinnova.audit.log;

import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteKey;

/** Signs the log's checkpoints with its key; the origin names the log, the key name its signer. */
public final class CheckpointSigner {

  private final String origin;
  private final NoteKey key;

  public CheckpointSigner(String origin, NoteKey key) {
    this.origin = origin;
    this.key = key;
  }

  public String origin() {
    return origin;
  }

  public String verifierKey() {
    return key.verifierKey();
  }

  public String sign(long size, byte[] root) {
    return key.sign(new Checkpoint(origin, size, root).body());
  }
}
