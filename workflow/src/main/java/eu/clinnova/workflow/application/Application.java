package eu.clinnova.workflow.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An application as stored: its owner, state, the applicant's current document, how many times it
 * was submitted, and the jurisdictions its datasets belong to.
 */
public record Application(
    UUID id,
    String ownerSub,
    String ownerName,
    ApplicationState state,
    ApplicationDocument document,
    List<String> jurisdictions,
    int revision,
    Optional<String> processInstanceId,
    Instant createdAt,
    Instant updatedAt) {

  public Application {
    jurisdictions = List.copyOf(jurisdictions);
  }

  public boolean isOwnedBy(String sub) {
    return ownerSub.equals(sub);
  }

  public Application with(ApplicationState newState, Instant at) {
    return new Application(
        id,
        ownerSub,
        ownerName,
        newState,
        document,
        jurisdictions,
        revision,
        processInstanceId,
        createdAt,
        at);
  }
}
