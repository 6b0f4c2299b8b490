package eu.clinnova.workflow.attention;

import java.time.Instant;
import java.util.Optional;

/**
 * A dataset researchers hold access to, whose node has not asked the release gate about it since
 * {@link NetworkAttention#QUIET}: the node may be down or releasing without asking.
 */
public record QuietDataset(
    String datasetId,
    String title,
    String jurisdiction,
    int entitlements,
    Optional<Instant> lastRelease) {}
