package eu.clinnova.workflow.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.workflow.process.ReviewProcess;
import eu.clinnova.workflow.process.Vote;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommitteesTest {

  static Vote vote(String member, int round, boolean conflict) {
    return new Vote(
        "LU",
        round,
        member,
        member,
        conflict,
        conflict ? Optional.empty() : Optional.of("approve"),
        Optional.empty(),
        Instant.EPOCH);
  }

  @Test
  void theQuorumCountsVotesOfTheRoundButNotConflicts() {
    assertFalse(Ballot.cast(List.of(), vote("a", 1, false), 2));
    assertFalse(
        Ballot.cast(List.of(vote("b", 1, true)), vote("a", 1, false), 2),
        "a conflict does not count");
    assertFalse(
        Ballot.cast(List.of(vote("b", 1, false)), vote("a", 2, false), 2),
        "a new round after a return starts from zero");
    assertTrue(Ballot.cast(List.of(vote("b", 1, false)), vote("a", 1, false), 2));
  }

  @Test
  void aConflictedMemberNeitherVotesNorDecidesAndNobodySpeaksTwiceInARound() {
    Refusal conflicted =
        assertThrows(
            Refusal.class, () -> Ballot.cast(List.of(vote("a", 1, true)), vote("a", 2, false), 2));
    assertEquals("conflict-of-interest", conflicted.code());
    assertThrows(
        Refusal.class, () -> Ballot.requireNoConflict(List.of(vote("a", 1, true)), "a", "LU"));
    Ballot.requireNoConflict(List.of(vote("a", 1, true)), "b", "LU");
    Refusal twice =
        assertThrows(
            Refusal.class, () -> Ballot.cast(List.of(vote("a", 1, false)), vote("a", 1, false), 2));
    assertEquals("already-voted", twice.code());
    assertFalse(Ballot.cast(List.of(vote("a", 1, false)), vote("a", 2, false), 2), "a new round");
  }

  static TaskOutcome.Checked input(String outcome, String comment, String task) {
    return TaskOutcome.given(outcome, false, comment, null).checkedFor(task);
  }

  @Test
  void eachTaskTakesItsOwnOutcomesAndReasons() {
    assertEquals("approve", input("approve", null, ReviewProcess.COMPLETENESS_CHECK).outcome());
    assertThrows(Refusal.class, () -> input("reject", "c", ReviewProcess.COMPLETENESS_CHECK));
    assertThrows(
        Refusal.class,
        () -> input("return", null, ReviewProcess.ETHICS_CHECK),
        "a return needs a reason");
    assertThrows(
        Refusal.class,
        () -> input("approve", "  ", ReviewProcess.DAC_VOTE),
        "a vote needs a reason, and blank is none");
    assertTrue(
        TaskOutcome.given(null, true, null, null)
            .checkedFor(ReviewProcess.DAC_VOTE)
            .conflictOfInterest());
    assertThrows(
        Refusal.class,
        () -> TaskOutcome.given(null, true, null, null).checkedFor(ReviewProcess.CHAIR_DECISION));
    assertThrows(
        Refusal.class, () -> input("approve-with-conditions", null, ReviewProcess.CHAIR_DECISION));
    TaskOutcome.Checked conditional =
        TaskOutcome.given("approve-with-conditions", false, null, " Publish. ")
            .checkedFor(ReviewProcess.CHAIR_DECISION);
    assertEquals("Publish.", conditional.conditions().orElseThrow());
    // What the edge could not read comes first at its field, and stands for the missing reason.
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                new TaskOutcome(
                        "maybe",
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        List.of(new FieldProblem("comment", TaskOutcome.textRule())))
                    .checkedFor(ReviewProcess.ETHICS_CHECK));
    assertEquals(
        List.of("outcome", "comment"), refusal.problems().stream().map(p -> p.field()).toList());
    Refusal tooLong =
        assertThrows(
            Refusal.class,
            () ->
                input("return", "x".repeat(TaskOutcome.MAX_TEXT + 1), ReviewProcess.ETHICS_CHECK));
    assertEquals(List.of(new FieldProblem("comment", TaskOutcome.textRule())), tooLong.problems());
  }
}
