package eu.clinnova.consent.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A module's consent as of an instant: the decision the release gate applies, why, which record it
 * rests on (none for a default), since when, and until when a permit holds.
 */
public record ModuleState(
    ConsentModule module,
    Decision decision,
    Reason reason,
    Optional<String> recordId,
    Optional<Instant> since,
    Optional<Instant> validUntil) {

  /** Why the decision is what it is; the gate's reason codes derive from these. */
  public enum Reason {
    /** The patient (or their guardian or representative) decided this. */
    RECORDED,
    /** A withdrawal of this module or of everything. */
    WITHDRAWN,
    /** FR: an objection to any reuse. */
    OBJECTED,
    /** The permit's validity period has ended. */
    EXPIRED,
    /**
     * A guardian gave the permit and the patient has come of age: it lapsed until they decide (when
     * their jurisdiction's policy says so).
     */
    RENEWAL_DUE,
    /** FR: informed and not objected. */
    NON_OPPOSITION,
    /** No record: the jurisdiction's default, deny. */
    NO_RECORD
  }

  public boolean permits() {
    return decision == Decision.PERMIT;
  }
}
