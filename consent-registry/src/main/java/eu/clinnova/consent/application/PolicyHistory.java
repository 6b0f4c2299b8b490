package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.infrastructure.PolicyVersionStore;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.consent.policy.PolicyVersion;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jurisdictions' policies through time: each version the portal ran, from the first start that
 * ran it (logged as {@code policies.in-force}). Policies are reviewed data shipped with the portal,
 * read-only in the UI; a changed file must carry a new version number, or the portal does not start
 * (the history would lie).
 */
@ApplicationScoped
public class PolicyHistory {

  private final PolicyVersionStore store;
  private final AuditTrail auditLog;
  private final Clock clock;

  @Inject
  public PolicyHistory(PolicyVersionStore store, AuditTrail auditLog, Clock clock) {
    this.store = store;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected PolicyHistory() {
    this(null, null, null);
  }

  /** Who reads the policies: the staff who apply them, administrators, compliance officers. */
  public static boolean mayRead(Caller caller) {
    return caller.hasAny(
        Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.DATA_STEWARD, Role.DAC_MEMBER, Role.DAC_CHAIR);
  }

  /** At start-up: the bundled policies, recorded once per version. */
  @Transactional
  public Optional<PendingAudit> recordBundled() {
    try (InputStream in = PolicyCatalogue.class.getResourceAsStream(PolicyCatalogue.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + PolicyCatalogue.RESOURCE);
      }
      return record(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Records {@code document} as the version it names, if it is new.
   *
   * @throws IllegalStateException if that version was recorded with other contents
   */
  @Transactional
  public Optional<PendingAudit> record(byte[] document) {
    int version = PolicyCatalogue.read(new ByteArrayInputStream(document)).version();
    String sha256 = Sha256.hex(document);
    Optional<PolicyVersion> known = store.find(version);
    if (known.isPresent()) {
      if (!known.get().sha256().equals(sha256)) {
        throw new IllegalStateException(
            PolicyCatalogue.RESOURCE
                + " differs from its version "
                + version
                + " in force since "
                + known.get().inForceFrom()
                + ": a reviewed change needs a new version number");
      }
      return Optional.empty();
    }
    store.insert(
        new PolicyVersion(
            version,
            sha256,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            new String(document, StandardCharsets.UTF_8)));
    return Optional.of(
        auditLog.record(
            new AuditEvent(
                AuditEvent.Actor.system(),
                "policies.in-force",
                new AuditEvent.Subject("policies", String.valueOf(version)),
                Map.of("version", version, "sha256", sha256))));
  }

  /** Every version the portal ran, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PolicyVersion> versions(Caller caller) {
    check(caller);
    return store.all();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PolicyVersion> version(Caller caller, int version) {
    check(caller);
    return store.find(version);
  }

  private static void check(Caller caller) {
    if (!mayRead(caller)) {
      throw Refusal.forbidden("The policies are for staff, committees and administrators.");
    }
  }
}
