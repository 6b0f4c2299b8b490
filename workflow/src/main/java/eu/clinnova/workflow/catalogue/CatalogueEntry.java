package eu.clinnova.workflow.catalogue;

import java.time.Instant;
import java.util.Optional;

/**
 * A dataset as the catalogue keeps it: the version in force (its {@code publishedAt} is that
 * version's), who published it, and since when it is retired, if it is (no new applications).
 */
public record CatalogueEntry(
    Dataset dataset, int version, String publishedBy, Optional<Instant> retiredAt) {

  public boolean retired() {
    return retiredAt.isPresent();
  }
}
