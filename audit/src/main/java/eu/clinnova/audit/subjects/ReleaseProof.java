package eu.clinnova.audit.subjects;

import eu.clinnova.audit.canonical.JsonReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A patient's proof that a release did, or did not, include them ({@code GET
 * /patients/{psn}/releases/{releaseId}/proof}): the subject tree's part (their leaf and its path,
 * or the one or two leaves around where it would be, with theirs) and the log's part (the release
 * entry, its inclusion in a signed checkpoint). {@link ReleaseProofCheck} verifies it with nothing
 * but the log's public key.
 *
 * @param audit the release's log entry: its index, exact leaf bytes ({@code leaf}, beyond the
 *     contract's fields: without them nothing binds {@code subjectsRoot} to the log), leaf hash,
 *     the signed checkpoint the path leads to, and the path
 */
public record ReleaseProof(
    String releaseId,
    boolean included,
    String subjectsRoot,
    long size,
    Optional<PathToRoot> leaf,
    List<PathToRoot> neighbours,
    Audit audit) {

  /** A subject leaf's exact bytes, its index and its audit path to {@code subjectsRoot}. */
  public record PathToRoot(byte[] leaf, long index, List<byte[]> hashes) {}

  /** Where the release entry is in the log. */
  public record Audit(
      long index, byte[] leaf, byte[] leafHash, String checkpoint, List<byte[]> inclusionProof) {}

  /**
   * {@code psn}'s proof for the release whose subjects are {@code tree} and whose log entry is
   * {@code audit}: their leaf and its path, or the leaves around where it would be.
   */
  public static ReleaseProof of(SubjectTree tree, String psn, Audit audit) {
    String root = base64(tree.root());
    int found = tree.find(psn);
    if (found >= 0) {
      return new ReleaseProof(
          tree.releaseId(),
          true,
          root,
          tree.size(),
          Optional.of(path(tree, found)),
          List.of(),
          audit);
    }
    List<PathToRoot> around = new ArrayList<>();
    for (int index : tree.neighbours(-found - 1)) {
      around.add(path(tree, index));
    }
    return new ReleaseProof(
        tree.releaseId(), false, root, tree.size(), Optional.empty(), around, audit);
  }

  private static PathToRoot path(SubjectTree tree, int index) {
    return new PathToRoot(tree.leaf(index).bytes(), index, tree.inclusionProof(index));
  }

  /**
   * The proof as the API serves it (JSON, base64 for bytes; {@code leaf...} only when included).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("releaseId", releaseId);
    json.put("included", included);
    json.put("subjectsRoot", subjectsRoot);
    json.put("size", size);
    leaf.ifPresent(
        path -> {
          json.put("leaf", base64(path.leaf()));
          json.put("index", path.index());
          json.put("hashes", base64(path.hashes()));
        });
    if (!included) {
      List<Object> around = new ArrayList<>();
      for (PathToRoot neighbour : neighbours) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("leaf", base64(neighbour.leaf()));
        one.put("index", neighbour.index());
        one.put("hashes", base64(neighbour.hashes()));
        around.add(one);
      }
      json.put("neighbours", around);
    }
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("index", audit.index());
    log.put("leaf", base64(audit.leaf()));
    log.put("leafHash", base64(audit.leafHash()));
    log.put("checkpoint", audit.checkpoint());
    log.put("inclusionProof", base64(audit.inclusionProof()));
    json.put("audit", log);
    return json;
  }

  /**
   * Reads a proof as served.
   *
   * @throws IllegalArgumentException if a field is missing or of the wrong kind
   */
  public static ReleaseProof parse(String json) {
    try {
      Map<String, Object> proof = JsonReader.object(json);
      boolean included = (Boolean) required(proof, "included");
      Optional<PathToRoot> leaf =
          included
              ? Optional.of(
                  new PathToRoot(
                      bytes(required(proof, "leaf")),
                      number(required(proof, "index")),
                      hashes(required(proof, "hashes"))))
              : Optional.empty();
      List<PathToRoot> neighbours = new ArrayList<>();
      if (!included) {
        for (Object item : (List<?>) required(proof, "neighbours")) {
          Map<?, ?> neighbour = (Map<?, ?>) item;
          neighbours.add(
              new PathToRoot(
                  bytes(required(neighbour, "leaf")),
                  number(required(neighbour, "index")),
                  hashes(required(neighbour, "hashes"))));
        }
      }
      Map<?, ?> audit = (Map<?, ?>) required(proof, "audit");
      return new ReleaseProof(
          (String) required(proof, "releaseId"),
          included,
          (String) required(proof, "subjectsRoot"),
          number(required(proof, "size")),
          leaf,
          neighbours,
          new Audit(
              number(required(audit, "index")),
              bytes(required(audit, "leaf")),
              bytes(required(audit, "leafHash")),
              (String) required(audit, "checkpoint"),
              hashes(required(audit, "inclusionProof"))));
    } catch (ClassCastException | IllegalStateException e) {
      throw new IllegalArgumentException("not a release proof: a field has the wrong kind", e);
    }
  }

  private static Object required(Map<?, ?> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      throw new IllegalArgumentException("not a release proof: " + name + " is missing");
    }
    return value;
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static byte[] bytes(Object value) {
    return Base64.getDecoder().decode((String) value);
  }

  private static List<byte[]> hashes(Object value) {
    List<byte[]> hashes = new ArrayList<>();
    for (Object hash : (List<?>) value) {
      hashes.add(bytes(hash));
    }
    return hashes;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static List<String> base64(List<byte[]> hashes) {
    return hashes.stream().map(ReleaseProof::base64).toList();
  }
}
