package eu.clinnova.portal.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock the contexts' services read the time from ({@code @Inject Clock}): UTC, the
 * system's. Injected rather than fixed in each service so that a service can be tested, and a
 * server tried, at another time. Dependent: the JDK's clocks cannot be proxied, and need not be.
 */
public class Clocks {

  @Produces
  @Dependent
  Clock clock() {
    return Clock.systemUTC();
  }
}
