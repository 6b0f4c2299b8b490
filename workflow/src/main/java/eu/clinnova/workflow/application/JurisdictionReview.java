package eu.clinnova.workflow.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one jurisdiction's part of the review stands: {@code waiting} (the completeness check is
 * not done), {@code ethics-check}, {@code returned}, {@code dac-review}, {@code chair-decision},
 * {@code approved}, {@code rejected}, or {@code ended} (another jurisdiction rejected, or the
 * applicant withdrew). The voting round starts at 1 and grows with each return by the committee.
 */
public record JurisdictionReview(
    String jurisdiction,
    String state,
    Optional<String> decision,
    Optional<String> conditions,
    int round,
    Instant changedAt) {}
