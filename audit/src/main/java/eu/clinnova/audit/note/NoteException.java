package eu.clinnova.audit.note;

/** A note, key or checkpoint that is malformed or whose signature does not verify. */
public class NoteException extends RuntimeException {

  public NoteException(String message) {
    super(message);
  }
}
