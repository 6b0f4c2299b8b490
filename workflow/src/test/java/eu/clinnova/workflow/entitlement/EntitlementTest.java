package eu.clinnova.workflow.entitlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntitlementTest {

  static final Instant FROM = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void itLastsUntilTheEarliestOfDurationEthicsEndAndTimeLimit() {
    assertEquals(
        Instant.parse("2027-11-28T10:00:00Z"),
        EntitlementTerms.validUntil(FROM, 12, LocalDate.of(2030, 1, 1), Optional.empty()));
    assertEquals(
        Instant.parse("2027-03-01T00:00:00Z"),
        EntitlementTerms.validUntil(FROM, 12, LocalDate.of(2027, 2, 28), Optional.empty()),
        "the ethics approval's last day is included");
    assertEquals(
        Instant.parse("2027-05-28T10:00:00Z"),
        EntitlementTerms.validUntil(FROM, 12, LocalDate.of(2030, 1, 1), Optional.of(6)));
  }

  @Test
  void statusAsOfAnInstant() {
    Instant until = Instant.parse("2027-11-28T10:00:00Z");
    Entitlement entitlement = entitlement(LocalDate.of(2027, 6, 30), until, Optional.empty());
    assertEquals(Entitlement.Status.ACTIVE, entitlement.statusAt(FROM));
    assertEquals(Entitlement.Status.PENDING, entitlement.statusAt(FROM.minusSeconds(1)));
    assertEquals(
        Entitlement.Status.ACTIVE, entitlement.statusAt(Instant.parse("2027-06-30T23:59:59Z")));
    assertEquals(
        Entitlement.Status.SUSPENDED, entitlement.statusAt(Instant.parse("2027-07-01T00:00:00Z")));
    Entitlement longEthics = entitlement(LocalDate.of(2030, 1, 1), until, Optional.empty());
    assertEquals(Entitlement.Status.EXPIRED, longEthics.statusAt(until));
    Entitlement revoked =
        entitlement(
            LocalDate.of(2030, 1, 1), until, Optional.of(Instant.parse("2027-01-01T00:00:00Z")));
    assertEquals(
        Entitlement.Status.ACTIVE, revoked.statusAt(Instant.parse("2026-12-31T23:59:59Z")));
    assertEquals(
        Entitlement.Status.REVOKED, revoked.statusAt(Instant.parse("2027-01-01T00:00:00Z")));
  }

  static Entitlement entitlement(LocalDate ethicsEnd, Instant until, Optional<Instant> revoked) {
    return new Entitlement(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "sub",
        "lu-set",
        "LU",
        UUID.randomUUID(),
        ethicsEnd,
        FROM,
        until,
        revoked,
        revoked.map(at -> "reason"));
  }
}
