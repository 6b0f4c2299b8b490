package eu.clinnova.node;

import java.util.List;

/** What the node asks: may these subjects' data of this dataset go to this recipient? */
public record ReleaseAsk(
    String applicationId, String datasetId, String recipient, List<String> subjects) {

  public ReleaseAsk {
    subjects = List.copyOf(subjects);
  }
}
