package eu.clinnova.audit.compliance;

import java.util.List;
import java.util.Optional;

/** Where the replay reads a release's subjects: {@code GET /releases/{id}/subjects}. */
public interface ReleaseSubjectsSource {

  /** The subjects as served: the root the server says the decision stored, and each leaf. */
  record Served(Optional<String> subjectsRoot, List<Leaf> leaves) {}

  /** One served leaf: whose, and its exact bytes. */
  record Leaf(String psn, byte[] bytes) {}

  /** The portal has no release of that id (404): as opposed to not answering. */
  final class NoSuchRelease extends Exception {
    public NoSuchRelease(String releaseId) {
      super("the portal has no release " + releaseId);
    }
  }

  /**
   * @throws NoSuchRelease if the portal has no such release
   */
  Served subjects(String releaseId) throws Exception;
}
