package eu.clinnova.workflow.application;

import java.time.Instant;
import java.util.Optional;

/**
 * What a list of applications is narrowed to, within what the caller may see: a state, a
 * jurisdiction concerned, a dataset asked for, last changed within a time window, and words of the
 * title. Every part is optional.
 */
public record ApplicationFilter(
    Optional<ApplicationState> state,
    Optional<String> jurisdiction,
    Optional<String> dataset,
    Optional<Instant> changedFrom,
    Optional<Instant> changedBefore,
    Optional<String> title) {

  public static final ApplicationFilter NONE =
      new ApplicationFilter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public ApplicationFilter withState(ApplicationState wanted) {
    return new ApplicationFilter(
        Optional.of(wanted), jurisdiction, dataset, changedFrom, changedBefore, title);
  }

  public ApplicationFilter withJurisdiction(String code) {
    return new ApplicationFilter(
        state, Optional.of(code), dataset, changedFrom, changedBefore, title);
  }

  public ApplicationFilter withDataset(String id) {
    return new ApplicationFilter(
        state, jurisdiction, Optional.of(id), changedFrom, changedBefore, title);
  }

  public ApplicationFilter changedBetween(Instant from, Instant before) {
    return new ApplicationFilter(
        state, jurisdiction, dataset, Optional.of(from), Optional.of(before), title);
  }

  public ApplicationFilter withTitle(String words) {
    return new ApplicationFilter(
        state, jurisdiction, dataset, changedFrom, changedBefore, Optional.of(words));
  }

  /** The title words as a LIKE pattern that matches them anywhere, wildcards escaped. */
  String titlePattern() {
    return title
        .map(
            words ->
                "%"
                    + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%")
        .orElse("");
  }
}
