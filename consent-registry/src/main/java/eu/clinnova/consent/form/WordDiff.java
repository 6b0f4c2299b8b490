package eu.clinnova.consent.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words one text removes from and adds to another, for an administrator comparing a new version
 * of a form with the one in force. A longest common subsequence over words and the spaces between
 * them; texts longer than {@link #MAX_TOKENS} are shown as replaced whole, which keeps the table it
 * fills (tokens²) small.
 */
public final class WordDiff {

  static final int MAX_TOKENS = 3000;
  private static final Pattern TOKENS = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

  /** A run of the text: kept, removed or added. */
  public record Segment(Kind kind, String text) {}

  public enum Kind {
    SAME,
    REMOVED,
    ADDED
  }

  private WordDiff() {}

  public static List<Segment> between(String before, String after) {
    String[] a = tokens(before);
    String[] b = tokens(after);
    List<Segment> segments = new ArrayList<>();
    if ((long) a.length * b.length > (long) MAX_TOKENS * MAX_TOKENS / 4
        || a.length > MAX_TOKENS
        || b.length > MAX_TOKENS) {
      add(segments, Kind.REMOVED, before);
      add(segments, Kind.ADDED, after);
      return segments;
    }
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] =
            a[i].equals(b[j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        add(segments, Kind.SAME, a[i++]);
        j++;
      } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
        // Removed before added: a replaced phrase reads "old → new".
        add(segments, Kind.REMOVED, a[i++]);
      } else {
        add(segments, Kind.ADDED, b[j++]);
      }
    }
    return segments;
  }

  private static String[] tokens(String text) {
    return text == null || text.isEmpty() ? new String[0] : TOKENS.split(text);
  }

  /** Appends to the last segment when it is of the same kind, so runs read as phrases. */
  private static void add(List<Segment> segments, Kind kind, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    int last = segments.size() - 1;
    if (last >= 0 && segments.get(last).kind() == kind) {
      segments.set(last, new Segment(kind, segments.get(last).text() + text));
    } else {
      segments.add(new Segment(kind, text));
    }
  }
}
