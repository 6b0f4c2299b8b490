package eu.clinnova.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The verifier commands' {@code --name value} options, and the checks they share. */
final class CommandOptions {

  private final Map<String, String> values;
  private final boolean wellFormed;

  private CommandOptions(Map<String, String> values, boolean wellFormed) {
    this.values = values;
    this.wellFormed = wellFormed;
  }

  /** Pairs of {@code --name value}; anything else makes the options ill-formed. */
  static CommandOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    boolean wellFormed = args.length % 2 == 0;
    for (int i = 0; i + 1 < args.length && wellFormed; i += 2) {
      wellFormed = args[i].startsWith("--");
      values.put(args[i].substring(2), args[i + 1]);
    }
    return new CommandOptions(values, wellFormed);
  }

  /** Well-formed, with every one of {@code names} given. */
  boolean has(String... names) {
    for (String name : names) {
      if (!values.containsKey(name)) {
        return false;
      }
    }
    return wellFormed;
  }

  String get(String name) {
    return values.get(name);
  }

  String getOrDefault(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  /** The bearer token in the file {@code --token-file} names, or null without one. */
  String token() throws java.io.IOException {
    return values.containsKey("token-file")
        ? Files.readString(Path.of(values.get("token-file")), StandardCharsets.UTF_8).strip()
        : null;
  }

  /**
   * The token as it is now in the file {@code --token-file} names (read at each call, so that a
   * token refreshed during a long run is taken up), or null without one.
   */
  java.util.function.Supplier<String> tokens() {
    return () -> {
      try {
        return token();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }
}
