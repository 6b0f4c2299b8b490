package eu.clinnova.consent.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.consent.form.WordDiff.Kind;
import eu.clinnova.consent.form.WordDiff.Segment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {

  @Test
  void keptWordsStayAndChangedOnesShowAsRemovedThenAdded() {
    List<Segment> segments =
        WordDiff.between(
            "You can change your mind at any time.", "You can change your mind at any moment.");
    assertEquals(
        List.of(
            new Segment(Kind.SAME, "You can change your mind at any "),
            new Segment(Kind.REMOVED, "time."),
            new Segment(Kind.ADDED, "moment.")),
        segments);
  }

  @Test
  void eachSideReadsBackFromItsSegments() {
    String before = "Nothing is used without your explicit yes. Ask us anything.";
    String after = "Nothing of yours is used without your yes. Ask anything, any day.";
    List<Segment> segments = WordDiff.between(before, after);
    assertEquals(before, side(segments, Kind.ADDED));
    assertEquals(after, side(segments, Kind.REMOVED));
  }

  @Test
  void fromOrToNothingIsOneAddedOrRemovedRun() {
    assertEquals(List.of(new Segment(Kind.ADDED, "new text")), WordDiff.between("", "new text"));
    assertEquals(List.of(new Segment(Kind.REMOVED, "old text")), WordDiff.between("old text", ""));
    assertEquals(List.of(), WordDiff.between("", ""));
  }

  @Test
  void veryLongTextsAreShownReplacedWhole() {
    String before = "word ".repeat(WordDiff.MAX_TOKENS);
    String after = before + "more";
    assertEquals(
        List.of(new Segment(Kind.REMOVED, before), new Segment(Kind.ADDED, after)),
        WordDiff.between(before, after));
  }

  /** The text without the segments of {@code left}: the other side. */
  private static String side(List<Segment> segments, Kind left) {
    return segments.stream()
        .filter(segment -> segment.kind() != left)
        .map(Segment::text)
        .collect(Collectors.joining());
  }
}
