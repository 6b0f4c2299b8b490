package eu.clinnova.workflow.process;

import java.time.Instant;
import java.util.Optional;

/**
 * A committee member's word in one voting round of one jurisdiction: a vote ({@code approve} or
 * {@code reject}) with its reason, or a declared conflict of interest, which excludes the member
 * from voting on this application in this jurisdiction.
 */
public record Vote(
    String jurisdiction,
    int round,
    String memberSub,
    String memberName,
    boolean conflict,
    Optional<String> vote,
    Optional<String> reason,
    Instant castAt) {}
