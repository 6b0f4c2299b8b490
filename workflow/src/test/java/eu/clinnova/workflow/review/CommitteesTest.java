package eu.clinnova.workflow.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.workflow.process.ReviewProcess;
import eu.clinnova.workflow.process.Vote;
import jakarta.json.Json;
import java.io.StringReader;
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
    assertEquals(2, Committees.bundled().quorum("LU"));
    assertThrows(IllegalArgumentException.class, () -> Committees.bundled().quorum("IT"));
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

  static Reviews.TaskInput input(String json, String task) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return Reviews.TaskInput.parse(reader.readObject(), task);
    }
  }

  @Test
  void eachTaskTakesItsOwnOutcomesAndReasons() {
    assertEquals(
        "approve", input("{\"outcome\":\"approve\"}", ReviewProcess.COMPLETENESS_CHECK).outcome());
    assertThrows(
        Refusal.class,
        () ->
            input("{\"outcome\":\"reject\",\"comment\":\"c\"}", ReviewProcess.COMPLETENESS_CHECK));
    assertThrows(
        Refusal.class,
        () -> input("{\"outcome\":\"return\"}", ReviewProcess.ETHICS_CHECK),
        "a return needs a reason");
    assertThrows(
        Refusal.class,
        () -> input("{\"outcome\":\"approve\"}", ReviewProcess.DAC_VOTE),
        "a vote needs a reason");
    assertTrue(input("{\"conflictOfInterest\":true}", ReviewProcess.DAC_VOTE).conflictOfInterest());
    assertThrows(
        Refusal.class, () -> input("{\"conflictOfInterest\":true}", ReviewProcess.CHAIR_DECISION));
    assertThrows(
        Refusal.class,
        () -> input("{\"outcome\":\"approve-with-conditions\"}", ReviewProcess.CHAIR_DECISION));
    Reviews.TaskInput conditional =
        input(
            "{\"outcome\":\"approve-with-conditions\",\"conditions\":\"Publish.\"}",
            ReviewProcess.CHAIR_DECISION);
    assertEquals("Publish.", conditional.conditions().orElseThrow());
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () -> input("{\"outcome\":\"maybe\",\"comment\":7}", ReviewProcess.ETHICS_CHECK));
    assertEquals(
        List.of("outcome", "comment"), refusal.problems().stream().map(p -> p.field()).toList());
  }
}
