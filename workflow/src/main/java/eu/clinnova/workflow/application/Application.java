package eu.clinnova.workflow.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An application as stored: its owner, state, the applicant's current document, how many times it
 * was submitted, the jurisdictions its review concerns, and the approved application it amends, if
 * it is an amendment, or renews ({@code renewal}: it continues the access for another period).
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
    Instant updatedAt,
    Optional<UUID> amends,
    boolean renewal) {

  public Application {
    jurisdictions = List.copyOf(jurisdictions);
    if (renewal && amends.isEmpty()) {
      throw new IllegalArgumentException("a renewal names the application it renews");
    }
  }

  /** An application that is not a renewal. */
  public Application(
      UUID id,
      String ownerSub,
      String ownerName,
      ApplicationState state,
      ApplicationDocument document,
      List<String> jurisdictions,
      int revision,
      Optional<String> processInstanceId,
      Instant createdAt,
      Instant updatedAt,
      Optional<UUID> amends) {
    this(
        id,
        ownerSub,
        ownerName,
        state,
        document,
        jurisdictions,
        revision,
        processInstanceId,
        createdAt,
        updatedAt,
        amends,
        false);
  }

  /** An application that amends none. */
  public Application(
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
    this(
        id,
        ownerSub,
        ownerName,
        state,
        document,
        jurisdictions,
        revision,
        processInstanceId,
        createdAt,
        updatedAt,
        Optional.empty());
  }

  /** Linked to an approved application: an amendment, or a renewal. */
  public boolean isAmendment() {
    return amends.isPresent();
  }

  /** The approved application this one renews, if it is a renewal. */
  public Optional<UUID> renews() {
    return renewal ? amends : Optional.empty();
  }

  public boolean isOwnedBy(String sub) {
    return ownerSub.equals(sub);
  }

  /**
   * The team member this document names by {@code address} (a lower-cased, verified address: {@link
   * eu.clinnova.kernel.Caller#teamAddress}), if any.
   */
  public java.util.Optional<TeamMember> teamMember(String address) {
    return document.team().stream().filter(member -> member.isReachedAt(address)).findFirst();
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
        at,
        amends,
        renewal);
  }
}
