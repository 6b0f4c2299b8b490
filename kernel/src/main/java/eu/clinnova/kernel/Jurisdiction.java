package eu.clinnova.kernel;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The network's four jurisdictions, by ISO 3166-1 alpha-2 code. Stored and sent as the code; a
 * context that holds a code as text turns it into this type with {@link #fromCode}.
 */
public enum Jurisdiction {
  LU,
  FR,
  DE,
  CH;

  private static final Jurisdiction[] ALL = values();

  /** The jurisdiction of an exact code ({@code "LU"}); empty for anything else. */
  public static Optional<Jurisdiction> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Jurisdiction jurisdiction : ALL) {
      if (jurisdiction.name().equals(code)) {
        return Optional.of(jurisdiction);
      }
    }
    return Optional.empty();
  }

  /** Whether the text is one of the four codes. */
  public static boolean isCode(String code) {
    return fromCode(code).isPresent();
  }

  /** The four codes, in the network's order (LU, FR, DE, CH). */
  public static java.util.List<String> allCodes() {
    return java.util.Arrays.stream(ALL).map(Jurisdiction::name).toList();
  }

  /** The codes of the given jurisdictions, sorted. */
  public static Set<String> codes(Collection<Jurisdiction> jurisdictions) {
    Set<String> codes = new TreeSet<>();
    jurisdictions.forEach(jurisdiction -> codes.add(jurisdiction.name()));
    return codes;
  }

  /** Staff and committee members belong to a jurisdiction through a top-level group. */
  public static Optional<Jurisdiction> fromGroupPath(String groupPath) {
    return fromCode(groupPath.startsWith("/") ? groupPath.substring(1) : groupPath);
  }

  /** A node's jurisdiction is fixed by its client id: {@code node-lu} is LU. */
  public static Optional<Jurisdiction> fromNodeClientId(String clientId) {
    if (clientId == null || !clientId.startsWith("node-")) {
      return Optional.empty();
    }
    return fromCode(clientId.substring("node-".length()).toUpperCase(Locale.ROOT));
  }

  /** The node client of this jurisdiction: {@code node-lu}. */
  public String nodeClientId() {
    return "node-" + name().toLowerCase(Locale.ROOT);
  }
}
