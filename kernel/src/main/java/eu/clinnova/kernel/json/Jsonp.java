package eu.clinnova.kernel.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once for the whole portal.
 *
 * <p>{@code Json.createObjectBuilder()} and its siblings search the class path for a provider
 * ({@code ServiceLoader}) on every call: with three calls per audit entry this made a million-entry
 * replay over the API five times slower (docs/benchmarks.md, session 11). Every class that builds
 * or parses JSON uses {@link #JSON} instead.
 */
public final class Jsonp {

  /** The provider WildFly (or, in module tests, Parsson) offers. Thread-safe. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsonp() {}
}
