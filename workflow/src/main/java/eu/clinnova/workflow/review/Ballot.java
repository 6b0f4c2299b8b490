package eu.clinnova.workflow.review;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.workflow.process.Vote;
import java.util.ArrayList;
import java.util.List;

/**
 * The committee's voting rules, free of the engine and the database: a member who declared a
 * conflict of interest on an application votes no more on it (nor decides); a member speaks once
 * per round; the vote closes when the round's votes, conflicts not counted, reach the quorum.
 */
public final class Ballot {

  private Ballot() {}

  /**
   * Checks {@code vote} against the votes already cast on the application and answers whether, with
   * it, the quorum of its round is reached. Refuses a conflicted member and a second word in the
   * same round.
   */
  public static boolean cast(List<Vote> previous, Vote vote, int quorum) {
    requireNoConflict(previous, vote.memberSub(), vote.jurisdiction());
    boolean spoke =
        previous.stream()
            .anyMatch(
                earlier ->
                    earlier.memberSub().equals(vote.memberSub())
                        && earlier.jurisdiction().equals(vote.jurisdiction())
                        && earlier.round() == vote.round());
    if (spoke) {
      throw Refusal.conflict("already-voted", "You have already voted in this round.");
    }
    List<Vote> all = new ArrayList<>(previous);
    all.add(vote);
    long counted =
        all.stream()
            .filter(cast -> cast.jurisdiction().equals(vote.jurisdiction()))
            .filter(cast -> cast.round() == vote.round() && !cast.conflict())
            .count();
    return counted >= quorum;
  }

  /** A member who declared a conflict in this jurisdiction may neither vote nor decide. */
  public static void requireNoConflict(List<Vote> previous, String memberSub, String jurisdiction) {
    if (previous.stream()
        .anyMatch(
            vote ->
                vote.conflict()
                    && vote.memberSub().equals(memberSub)
                    && vote.jurisdiction().equals(jurisdiction))) {
      throw new Refusal(
          Refusal.Kind.FORBIDDEN,
          "conflict-of-interest",
          "You declared a conflict of interest on this application: you may neither vote nor"
              + " decide.",
          List.of());
    }
  }
}
