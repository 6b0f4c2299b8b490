package eu.clinnova.workflow.attention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An application whose latest ethics approval in a jurisdiction ran out while entitlements to that
 * jurisdiction's datasets are still in force: the release gate refuses them until a new approval is
 * added.
 */
public record LapsedEthics(
    UUID applicationId,
    String title,
    String jurisdiction,
    String reference,
    LocalDate validUntil,
    int entitlements) {}
