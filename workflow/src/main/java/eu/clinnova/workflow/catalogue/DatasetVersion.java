package eu.clinnova.workflow.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One published version of a dataset, as the catalogue's history shows it. */
public record DatasetVersion(
    String id,
    int version,
    String title,
    String permission,
    Optional<String> disease,
    List<String> modifiers,
    List<String> requiredModules,
    Optional<Integer> timeLimitMonths,
    int subjects,
    Instant publishedAt,
    String publishedBy) {

  public DatasetVersion {
    modifiers = List.copyOf(modifiers);
    requiredModules = List.copyOf(requiredModules);
  }
}
