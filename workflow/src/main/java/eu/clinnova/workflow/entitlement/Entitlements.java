package eu.clinnova.workflow.entitlement;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import eu.clinnova.workflow.notification.NotificationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading entitlements (each caller sees their share: a researcher their own, a committee member or
 * node those of their jurisdiction's datasets, compliance all) and revoking them.
 */
@ApplicationScoped
public class Entitlements {

  public static final int MAX_REASON = 1000;

  public record Revoked(Entitlement entitlement, PendingAudit audit) {}

  private final AuditTrail auditLog;
  private final EntitlementStore entitlements;
  private final NotificationStore notifications;
  private final Clock clock;

  @Inject
  public Entitlements(
      AuditTrail auditLog,
      EntitlementStore entitlements,
      NotificationStore notifications,
      Clock clock) {
    this.auditLog = auditLog;
    this.entitlements = entitlements;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected Entitlements() {
    this(null, null, null, null);
  }

  /** A page of a listing, and where the next one starts if there is more. */
  public record Page(List<Entitlement> entitlements, Optional<EntitlementStore.PageEnd> next) {}

  /** The longest page of a listing. */
  public static final int MAX_PAGE = 500;

  /**
   * The entitlements the caller sees ({@link EntitlementScope}), newest first, a page of at most
   * {@code limit} (1 to {@value #MAX_PAGE}) after {@code after}.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page visible(Caller caller, Optional<EntitlementStore.PageEnd> after, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    List<Entitlement> found =
        entitlements.visible(
            EntitlementScope.of(caller), after.orElse(EntitlementStore.PageEnd.START), size + 1);
    if (found.size() <= size) {
      return new Page(found, Optional.empty());
    }
    List<Entitlement> page = found.subList(0, size);
    return new Page(
        List.copyOf(page), Optional.of(EntitlementStore.PageEnd.after(page.get(size - 1))));
  }

  /** The entitlements {@code researcher} holds, newest first (their visas are made of them). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Entitlement> heldBy(String researcher) {
    return entitlements.ofResearcher(researcher);
  }

  /**
   * Records, once each, the entitlements that lapsed (expired, or suspended because their ethics
   * approval ended): a lapse row, an audit entry ({@code entitlement.expired} or {@code
   * entitlement.suspended}) and a notice to the researcher, in one transaction. Their status needs
   * no such record to be right; this makes the lapse a fact anyone can check. Answers how many.
   */
  @Transactional
  public int recordLapses() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<Entitlement> lapsed = entitlements.unrecordedLapses(now);
    for (Entitlement entitlement : lapsed) {
      Entitlement.Status status = entitlement.statusAt(now);
      if (status != Entitlement.Status.EXPIRED && status != Entitlement.Status.SUSPENDED) {
        continue;
      }
      entitlements.recordLapse(entitlement.id(), status.code(), now);
      auditLog.record(
          new AuditEvent(
              new AuditEvent.Actor("entitlement-watch", "system"),
              "entitlement." + status.code(),
              new AuditEvent.Subject("entitlement", entitlement.id().toString()),
              Map.of(
                  "applicationId", entitlement.applicationId().toString(),
                  "datasetId", entitlement.datasetId(),
                  "reason",
                      status == Entitlement.Status.SUSPENDED
                          ? "ethics-expired"
                          : "entitlement-expired")));
      notifications.notify(
          entitlement.researcher(),
          entitlement.applicationId(),
          "entitlement-" + status.code(),
          entitlement.jurisdiction(),
          now);
    }
    return lapsed.size();
  }

  /** Days before an entitlement's end at which its holder is warned (issue 20). */
  public static final List<Integer> WARNINGS = List.of(30, 7);

  /**
   * Warns each holder whose access ends within 30 days, and again within 7 (a notification and an
   * e-mail naming the application), once each; an access granted with less than 7 days left gets
   * the nearer warning only. A renewal can then be asked for in time. Answers how many warnings.
   */
  @Transactional
  public int warnEnding() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int warned = 0;
    // Nearest first, so that the 7-day warning also stands for the 30-day one it overtakes.
    for (int days : WARNINGS.stream().sorted().toList()) {
      for (Entitlement entitlement : entitlements.endingUnwarned(now, days)) {
        for (int further : WARNINGS) {
          if (further >= days) {
            entitlements.recordLapse(entitlement.id(), "ending-" + further, now);
          }
        }
        notifications.notify(
            entitlement.researcher(),
            entitlement.applicationId(),
            "entitlement-ends-in-" + days + "-days",
            entitlement.jurisdiction(),
            now);
        warned++;
      }
    }
    return warned;
  }

  /** A committee member of the dataset's jurisdiction, or an admin, revokes an entitlement. */
  @Transactional
  public Revoked revoke(Caller caller, UUID id, String reason) {
    Entitlement entitlement =
        entitlements.find(id).orElseThrow(() -> Refusal.notFound("No such entitlement."));
    boolean committee = caller.has(Role.DAC_MEMBER) && caller.actsFor(entitlement.jurisdiction());
    boolean admin = caller.has(Role.ADMIN);
    if (!committee && !admin) {
      boolean sees =
          entitlement.researcher().equals(caller.subject())
              || caller.has(Role.COMPLIANCE_OFFICER)
              || caller.actsFor(entitlement.jurisdiction());
      if (sees) {
        throw Refusal.forbidden(
            "Only the committee of the dataset's jurisdiction or an administrator may revoke.");
      }
      throw Refusal.notFound("No such entitlement.");
    }
    // Checked once who may revoke is known: the input of a caller who may not says nothing.
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw Refusal.invalid(
          "reason", "a reason of at most " + MAX_REASON + " characters is needed");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!entitlements.revoke(id, now, caller.subject(), reason.strip())) {
      throw Refusal.conflict("entitlement-revoked", "The entitlement is already revoked.");
    }
    Role role = committee ? Role.DAC_MEMBER : Role.ADMIN;
    // The holder is told at once, in the portal and by e-mail (the reason is on the page).
    notifications.notify(
        entitlement.researcher(),
        entitlement.applicationId(),
        "entitlement-revoked",
        entitlement.jurisdiction(),
        now);
    PendingAudit audit =
        auditLog.record(
            new AuditEvent(
                new AuditEvent.Actor(caller.subject(), role.tokenName()),
                "entitlement.revoked",
                new AuditEvent.Subject("entitlement", id.toString()),
                Map.of(
                    "applicationId", entitlement.applicationId().toString(),
                    "datasetId", entitlement.datasetId(),
                    "reasonSha256", Sha256.hex(reason.strip()))));
    return new Revoked(entitlements.find(id).orElseThrow(), audit);
  }
}
