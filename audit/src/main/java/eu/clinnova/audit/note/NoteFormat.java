package eu.clinnova.audit.note;

/**
 * The text rules of signed notes: UTF-8 text ending in a newline, no blank-line separator inside.
 */
final class NoteFormat {

  private NoteFormat() {}

  static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new NoteException("a note's text must end with a newline");
    }
    if (text.contains("\n\n") || text.startsWith("\n")) {
      throw new NoteException("a note's text has no blank lines");
    }
    if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
      throw new NoteException("a note's text has no control characters");
    }
  }
}
