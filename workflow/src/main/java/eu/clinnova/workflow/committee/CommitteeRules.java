package eu.clinnova.workflow.committee;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Actors;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committees' rules in force and their history (staff, committees, administrators, compliance
 * officers), and their change by an administrator: a new version and its audit entry, in one
 * transaction. The review reads the version in force when it needs it: a new quorum counts from the
 * next vote, new periods from the next review that starts.
 */
@ApplicationScoped
public class CommitteeRules {

  private final CommitteeStore committees;
  private final AuditTrail auditLog;
  private final Clock clock;

  @Inject
  public CommitteeRules(CommitteeStore committees, AuditTrail auditLog, Clock clock) {
    this.committees = committees;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected CommitteeRules() {
    this(null, null, null);
  }

  /** Who may read the committees' rules: staff, committees, administrators, compliance. */
  public static boolean mayRead(Caller caller) {
    return caller.hasAny(
        Role.DATA_STEWARD, Role.DAC_MEMBER, Role.DAC_CHAIR, Role.ADMIN, Role.COMPLIANCE_OFFICER);
  }

  /** Every committee's version in force. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Committee> current(Caller caller) {
    if (!mayRead(caller)) {
      throw Refusal.forbidden("Only staff, committees and administrators read committee rules.");
    }
    return committees.current();
  }

  /** Every version of one committee, newest first; 404 for an unknown jurisdiction. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Committee> history(Caller caller, String jurisdiction) {
    if (!mayRead(caller)) {
      throw Refusal.forbidden("Only staff, committees and administrators read committee rules.");
    }
    List<Committee> history = committees.history(jurisdiction);
    if (history.isEmpty()) {
      throw Refusal.notFound("No committee for that jurisdiction.");
    }
    return history;
  }

  /** The rules in force for the jurisdiction's committee (the review process reads them). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Committee inForce(String jurisdiction) {
    return committees
        .current(jurisdiction)
        .orElseThrow(() -> new IllegalArgumentException("no committee for " + jurisdiction));
  }

  /** A change made: the version in force after it, and its entry (none if nothing changed). */
  public record Changed(Committee committee, Optional<PendingAudit> audit) {}

  /**
   * Sets the rules of the jurisdiction's committee (an administrator): a new version, unless they
   * are those in force already.
   *
   * @throws Refusal 403 for anyone but an administrator, 404 for an unknown jurisdiction, 400 with
   *     each field's problem
   */
  @Transactional
  public Changed change(Caller caller, String jurisdiction, Committee.Rules rules) {
    if (!caller.has(Role.ADMIN)) {
      throw Refusal.forbidden("Only an administrator changes a committee's rules.");
    }
    if (!Jurisdiction.isCode(jurisdiction)) {
      throw Refusal.notFound("No committee for that jurisdiction.");
    }
    List<FieldProblem> problems = rules.problems();
    if (!problems.isEmpty()) {
      throw Refusal.invalid("The committee's rules are invalid.", problems);
    }
    committees.lock(jurisdiction);
    Committee before = inForce(jurisdiction);
    if (before.rules().equals(rules)) {
      return new Changed(before, Optional.empty());
    }
    Committee after =
        new Committee(
            jurisdiction,
            before.version() + 1,
            rules,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            caller.subject());
    committees.insert(after);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", after.version());
    data.put("rules", json(rules));
    data.put("before", json(before.rules()));
    return new Changed(
        after,
        Optional.of(
            auditLog.record(
                new AuditEvent(
                    Actors.of(caller, Role.ADMIN),
                    "committee.changed",
                    new AuditEvent.Subject("committee", jurisdiction),
                    data))));
  }

  private static Map<String, Object> json(Committee.Rules rules) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("quorum", rules.quorum());
    json.put("reminderDays", rules.reminderDays());
    json.put("escalationDays", rules.escalationDays());
    json.put("decisionDays", rules.decisionDays());
    return json;
  }
}
