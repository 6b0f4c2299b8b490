package eu.clinnova.workflow.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.Refusal;
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
    Committees committees = Committees.bundled();
    assertEquals(2, committees.quorum("LU"));
    assertFalse(committees.quorumReached("LU", 1, List.of(vote("a", 1, false))));
    assertFalse(
        committees.quorumReached("LU", 1, List.of(vote("a", 1, false), vote("b", 1, true))));
    assertFalse(
        committees.quorumReached("LU", 2, List.of(vote("a", 1, false), vote("b", 1, false))),
        "a new round after a return starts from zero");
    assertTrue(
        committees.quorumReached("LU", 1, List.of(vote("a", 1, false), vote("b", 1, false))));
    assertThrows(IllegalArgumentException.class, () -> committees.quorum("IT"));
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
