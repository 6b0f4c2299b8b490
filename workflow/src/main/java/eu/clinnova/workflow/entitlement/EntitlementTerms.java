package eu.clinnova.workflow.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How long an entitlement lasts: from the acceptance of the agreement until the earliest of the
 * requested duration, the end of the ethics approval (its last day included), and the dataset's
 * time limit (DUO TS).
 */
public final class EntitlementTerms {

  private EntitlementTerms() {}

  public static Instant validUntil(
      Instant from, int durationMonths, LocalDate ethicsValidUntil, Optional<Integer> timeLimit) {
    Instant requested = from.atZone(ZoneOffset.UTC).plusMonths(durationMonths).toInstant();
    Instant ethicsEnd = ethicsValidUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant earliest = requested.isBefore(ethicsEnd) ? requested : ethicsEnd;
    if (timeLimit.isPresent()) {
      Instant limit = from.atZone(ZoneOffset.UTC).plusMonths(timeLimit.get()).toInstant();
      earliest = limit.isBefore(earliest) ? limit : earliest;
    }
    return earliest;
  }
}
