package eu.clinnova.workflow.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.application.Actors;
import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
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
 * The data access agreement's versions: read by anyone signed in (researchers read what they will
 * sign), published by administrators. A new version binds applicants who accept from then on; those
 * who accepted an earlier one keep it (their acceptance names it by version and digest).
 */
@ApplicationScoped
public class DataAccessAgreements {

  /** Ten pages and more: long enough for a real agreement, short enough to show and sign. */
  public static final int MAX_LENGTH = 50_000;

  /** Shorter than this is no agreement, but a slip (a pasted word, a number). */
  public static final int MIN_LENGTH = 200;

  /** A version published, and its audit entry. */
  public record Published(AgreementVersion version, PendingAudit audit) {}

  private final AgreementStore agreements;
  private final AuditTrail auditLog;
  private final Clock clock;

  @Inject
  public DataAccessAgreements(AgreementStore agreements, AuditTrail auditLog, Clock clock) {
    this.agreements = agreements;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected DataAccessAgreements() {
    this(null, null, null);
  }

  /** Every version, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AgreementVersion> versions() {
    return agreements.versions();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AgreementVersion> version(int version) {
    return agreements.version(version);
  }

  /**
   * An administrator publishes the next version of the agreement's text (line breaks kept as they
   * are: the digest is of these exact words).
   *
   * @throws Refusal 403 for anyone but an administrator; 400 for an empty or overlong text, or the
   *     text of the version in force
   */
  @Transactional
  public Published publish(Caller caller, String text) {
    if (!caller.has(Role.ADMIN)) {
      throw Refusal.forbidden("Only an administrator publishes the data access agreement.");
    }
    if (text == null || text.isBlank()) {
      throw Refusal.invalid("text", "must be the agreement's text");
    }
    if (text.strip().length() < MIN_LENGTH) {
      throw Refusal.invalid(
          "text", "must be the whole agreement, at least " + MIN_LENGTH + " characters");
    }
    if (text.length() > MAX_LENGTH) {
      throw Refusal.invalid("text", "must be at most " + MAX_LENGTH + " characters");
    }
    if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      throw Refusal.invalid("text", "must not contain control characters");
    }
    String normalized = text.replace("\r\n", "\n");
    agreements.lockVersions();
    DataAccessAgreement inForce = agreements.current();
    if (inForce.text().equals(normalized)) {
      throw Refusal.invalid("text", "is the text of version " + inForce.version() + " in force");
    }
    AgreementVersion published =
        new AgreementVersion(
            DataAccessAgreement.of(inForce.version() + 1, normalized),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            caller.subject());
    agreements.insertVersion(published);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", published.version());
    data.put("sha256", published.agreement().sha256());
    data.put("previousVersion", inForce.version());
    return new Published(
        published,
        auditLog.record(
            new AuditEvent(
                Actors.of(caller, Role.ADMIN),
                "agreement.published",
                new AuditEvent.Subject("agreement", String.valueOf(published.version())),
                data)));
  }
}
