package eu.clinnova.workflow.catalogue;

import eu.clinnova.workflow.duo.DataUse;
import eu.clinnova.workflow.duo.DuoTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dataset of one node (so one jurisdiction) and one cohort: its data use in DUO, the consent
 * modules each subject needs, the time limit of access (DUO TS), and how many subjects it has.
 */
public record Dataset(
    String id,
    String title,
    String description,
    String jurisdiction,
    String cohort,
    DataUse use,
    List<String> requiredModules,
    Optional<Integer> timeLimitMonths,
    int subjects,
    Instant publishedAt) {

  public Dataset {
    requiredModules = List.copyOf(requiredModules);
  }

  /** This dataset as published at {@code at}. */
  public Dataset publishedAt(Instant at) {
    return new Dataset(
        id,
        title,
        description,
        jurisdiction,
        cohort,
        use,
        requiredModules,
        timeLimitMonths,
        subjects,
        at);
  }

  /** The node that holds it: {@code node-lu} ... {@code node-ch}. */
  public String node() {
    return "node-" + jurisdiction.toLowerCase(java.util.Locale.ROOT);
  }

  /** Permission first, then modifiers, as DUO CURIEs. */
  public List<String> duo() {
    List<String> terms = new ArrayList<>();
    terms.add(use.permission().curie());
    use.modifiers().stream().sorted().map(DuoTerm::curie).forEach(terms::add);
    return terms;
  }
}
