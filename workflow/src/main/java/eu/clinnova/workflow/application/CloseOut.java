package eu.clinnova.workflow.application;

import eu.clinnova.consent.domain.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The close-out report of a project: what came of it, in plain words for the public register, and
 * where it is published (DOIs or addresses).
 */
public record CloseOut(
    UUID applicationId, String results, List<String> publications, Instant closedAt) {

  public static final int RESULTS_MAX = 4000;
  public static final int PUBLICATIONS_MAX = 20;
  public static final int PUBLICATION_MAX = 500;

  public CloseOut {
    publications = List.copyOf(publications);
  }

  /** What is wrong with a report as written, field by field. */
  public static List<FieldProblem> problems(String results, List<String> publications) {
    List<FieldProblem> problems = new ArrayList<>();
    if (results == null || results.isBlank()) {
      problems.add(new FieldProblem("results", "say what came of the project, in plain words"));
    } else if (results.strip().length() > RESULTS_MAX) {
      problems.add(new FieldProblem("results", "at most " + RESULTS_MAX + " characters"));
    }
    if (publications.size() > PUBLICATIONS_MAX) {
      problems.add(
          new FieldProblem("publications", "at most " + PUBLICATIONS_MAX + " publications"));
    }
    for (String publication : publications) {
      if (publication.isBlank() || publication.length() > PUBLICATION_MAX) {
        problems.add(
            new FieldProblem(
                "publications",
                "each publication is a DOI or an address of 1 to "
                    + PUBLICATION_MAX
                    + " characters"));
        break;
      }
    }
    return problems;
  }
}
