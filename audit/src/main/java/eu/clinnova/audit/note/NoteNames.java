package eu.clinnova.audit.note;

/** Key names of the signed-note format: non-empty, no spaces, no plus signs. */
final class NoteNames {

  private NoteNames() {}

  static void check(String name) {
    if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+')) {
      throw new NoteException("a key name must be non-empty and have no spaces or '+': " + name);
    }
  }
}
