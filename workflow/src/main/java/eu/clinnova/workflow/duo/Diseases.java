package eu.clinnova.workflow.duo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of the MONDO disease ontology the network's cohorts need, as child to parent, so that a
 * dataset restricted to a disease serves research on that disease or a more specific one.
 */
public final class Diseases {

  public static final String DISEASE = "MONDO:0000001";
  public static final String IBD = "MONDO:0005265";
  public static final String CROHN = "MONDO:0005011";
  public static final String ULCERATIVE_COLITIS = "MONDO:0005101";
  public static final String RHEUMATOID_ARTHRITIS = "MONDO:0008383";
  public static final String MULTIPLE_SCLEROSIS = "MONDO:0005301";

  private static final Map<String, String> PARENT =
      Map.of(
          CROHN, IBD,
          ULCERATIVE_COLITIS, IBD,
          IBD, DISEASE,
          RHEUMATOID_ARTHRITIS, DISEASE,
          MULTIPLE_SCLEROSIS, DISEASE);

  private static final Map<String, String> NAMES =
      Map.of(
          DISEASE, "disease",
          IBD, "inflammatory bowel disease",
          CROHN, "Crohn disease",
          ULCERATIVE_COLITIS, "ulcerative colitis",
          RHEUMATOID_ARTHRITIS, "rheumatoid arthritis",
          MULTIPLE_SCLEROSIS, "multiple sclerosis");

  private Diseases() {}

  /** The diseases a dataset's DS use may name, broadest first. */
  public static List<String> all() {
    return List.of(
        DISEASE, IBD, CROHN, ULCERATIVE_COLITIS, RHEUMATOID_ARTHRITIS, MULTIPLE_SCLEROSIS);
  }

  public static boolean known(String term) {
    return NAMES.containsKey(term);
  }

  public static String name(String term) {
    return NAMES.getOrDefault(term, term);
  }

  /** Whether {@code term} is {@code ancestor} or lies below it. */
  public static boolean isOrDescendsFrom(String term, String ancestor) {
    Optional<String> current = Optional.ofNullable(term);
    while (current.isPresent()) {
      if (current.get().equals(ancestor)) {
        return true;
      }
      current = Optional.ofNullable(PARENT.get(current.get()));
    }
    return false;
  }
}
