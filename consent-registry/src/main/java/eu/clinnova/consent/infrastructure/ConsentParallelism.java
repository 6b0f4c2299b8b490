package eu.clinnova.consent.infrastructure;

/**
 * From how many patients a bulk read (the release gate's) parses and derives on all cores. Below
 * it, the fork-join hand-offs cost more than they save. The work is pure computation on data
 * already read: no container services are used on the pool's threads.
 */
public final class ConsentParallelism {

  public static final int FROM = 2_000;

  private ConsentParallelism() {}
}
