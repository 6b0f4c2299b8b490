package eu.clinnova.portal.identity;

import java.util.Optional;

/** The network's four jurisdictions, by ISO 3166-1 alpha-2 code. */
public enum Jurisdiction {
  LU,
  FR,
  DE,
  CH;

  /** Staff and committee members belong to a jurisdiction through a top-level group. */
  public static Optional<Jurisdiction> fromGroupPath(String groupPath) {
    String name = groupPath.startsWith("/") ? groupPath.substring(1) : groupPath;
    for (Jurisdiction jurisdiction : values()) {
      if (jurisdiction.name().equals(name)) {
        return Optional.of(jurisdiction);
      }
    }
    return Optional.empty();
  }

  /** A node's jurisdiction is fixed by its client id: {@code node-lu} is LU. */
  public static Optional<Jurisdiction> fromNodeClientId(String clientId) {
    if (clientId == null || !clientId.startsWith("node-")) {
      return Optional.empty();
    }
    return fromGroupPath(clientId.substring("node-".length()).toUpperCase(java.util.Locale.ROOT));
  }
}
