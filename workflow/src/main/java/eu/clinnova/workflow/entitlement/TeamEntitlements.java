package eu.clinnova.workflow.entitlement;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A team member's own entitlements (ADR 0027): the applicant's access to the project, shared with
 * each member who accepted the agreement, row by row. A member's access never reaches further than
 * the applicant's: the same dataset, ethics approval and end, from the member's acceptance (or from
 * when the applicant's starts, if later). Each row is then a separate entitlement: it expires, is
 * suspended, revoked or carried to a renewed ethics approval like any other, and the release gate
 * checks it for its own holder.
 */
@ApplicationScoped
public class TeamEntitlements {

  private final EntitlementStore entitlements;
  private final AuditTrail auditLog;

  @Inject
  public TeamEntitlements(EntitlementStore entitlements, AuditTrail auditLog) {
    this.entitlements = entitlements;
    this.auditLog = auditLog;
  }

  /** For CDI's client proxy only. */
  protected TeamEntitlements() {
    this(null, null);
  }

  /**
   * Shares with {@code member}, who has just accepted, each of the applicant's entitlements to the
   * project that is neither revoked nor over at {@code now}; logged as granted by {@code actor}.
   */
  public List<Entitlement> shareHeld(
      UUID projectId, String applicant, String member, AuditEvent.Actor actor, Instant now) {
    List<Entitlement> shared = new ArrayList<>();
    for (Entitlement held : entitlements.ofApplication(projectId)) {
      if (held.researcher().equals(applicant)
          && held.revokedAt().isEmpty()
          && held.validUntil().isAfter(now)) {
        shared.add(share(held, member, now, actor));
      }
    }
    return shared;
  }

  /**
   * Shares an entitlement just granted to the applicant with each member who accepted before (an
   * amendment's new dataset, a renewal's next period).
   */
  public void shareGranted(
      Entitlement granted, List<String> members, AuditEvent.Actor actor, Instant now) {
    for (String member : members) {
      share(granted, member, now, actor);
    }
  }

  private Entitlement share(Entitlement held, String member, Instant now, AuditEvent.Actor actor) {
    Instant from = held.validFrom().isAfter(now) ? held.validFrom() : now;
    Entitlement shared = entitlements.share(held, UUID.randomUUID(), member, from);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("applicationId", held.applicationId().toString());
    data.put("researcher", member);
    data.put("datasetId", held.datasetId());
    data.put("ethicsApprovalId", held.ethicsApprovalId().toString());
    data.put("validFrom", shared.validFrom().toString());
    data.put("validUntil", shared.validUntil().toString());
    data.put("sharedFrom", held.id().toString());
    auditLog.record(
        new AuditEvent(
            actor,
            "entitlement.granted",
            new AuditEvent.Subject("entitlement", shared.id().toString()),
            data));
    return shared;
  }
}
