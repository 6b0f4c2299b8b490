package eu.clinnova.consent.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * A record with what the history and the receipt show besides its decisions: the signer's name when
 * someone other than the patient signed, who entered it (a Keycloak subject and role), the scanned
 * evidence of a paper form, and the reason given for a withdrawal.
 */
public record RecordEntry(
    ConsentRecord record,
    Optional<String> signerName,
    String recordedBy,
    String recorderRole,
    Optional<UUID> evidence,
    Optional<String> reason) {}
