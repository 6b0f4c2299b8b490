package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.account.AccountDirectory;
import eu.clinnova.consent.account.ActivationCode;
import eu.clinnova.consent.infrastructure.ActivationStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Links a patient's account to their pseudonym with the one-time code a steward gives them at
 * enrolment (or anew later). The code is checked, its use recorded and logged, and the account's
 * {@code psn} attribute set through the identity provider, in one transaction: if the identity
 * provider refuses, nothing is recorded and the code stays usable.
 */
@ApplicationScoped
public class AccountActivation {

  /** How long a code may be used. */
  public static final Duration VALIDITY = Duration.ofDays(30);

  /** A fresh code, shown once. */
  public record Issued(String psn, String code, Instant expiresAt, PendingAudit audit) {}

  /**
   * The account now carries the pseudonym (from its next token on), or, for a guardian's code, may
   * act for the minor {@code psn}.
   */
  public record Activated(String psn, boolean guardian, PendingAudit audit) {}

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Inject AuditTrail auditLog;
  @Inject AccountDirectory directory;
  @Inject ActivationAttempts attempts;

  private final ActivationStore codes = new ActivationStore();

  /** A new code for a patient (a steward of their jurisdiction); earlier codes stop working. */
  @Transactional
  public Issued issue(Caller caller, String psn) {
    try (Connection connection = dataSource.getConnection()) {
      PatientAccess.STAFF.check(connection, caller, psn);
      return issue(connection, Actors.of(caller, Role.DATA_STEWARD), psn);
    } catch (SQLException e) {
      throw new IllegalStateException("the activation code could not be issued", e);
    }
  }

  private Issued issue(Connection connection, AuditEvent.Actor actor, String psn)
      throws SQLException {
    Issued issued = issueUnlogged(connection, actor, psn);
    PendingAudit audit =
        auditLog.record(
            new AuditEvent(
                actor,
                "patient.activation-code-issued",
                new AuditEvent.Subject("patient", psn),
                Map.of("expiresAt", issued.expiresAt().toString())));
    return new Issued(psn, issued.code(), issued.expiresAt(), audit);
  }

  /**
   * A code issued as part of another change (enrolment), whose own audit entry records it: one
   * change, one entry.
   */
  Issued issueUnlogged(Connection connection, AuditEvent.Actor actor, String psn)
      throws SQLException {
    String code = ActivationCode.generate();
    Instant now = now();
    Instant expires = now.plus(VALIDITY);
    codes.issue(connection, psn, ActivationCode.hash(code), now, expires, actor.sub());
    return new Issued(psn, code, expires, null);
  }

  /**
   * A new code for a guardian of a minor (a steward of the minor's jurisdiction). Each guardian
   * gets their own; issuing one does not invalidate the others.
   */
  @Transactional
  public Issued issueGuardianCode(Caller caller, String psn) {
    try (Connection connection = dataSource.getConnection()) {
      var patient = PatientAccess.STAFF.check(connection, caller, psn);
      if (!patient.isMinorOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
        throw Refusal.conflict(
            "not-a-minor", "Guardians act for minors only; this patient decides for themself.");
      }
      String code = ActivationCode.generate();
      Instant now = now();
      Instant expires = now.plus(VALIDITY);
      codes.issue(
          connection,
          psn,
          ActivationCode.hash(code),
          now,
          expires,
          caller.subject(),
          ActivationStore.Purpose.GUARDIAN);
      PendingAudit audit =
          auditLog.record(
              new AuditEvent(
                  Actors.of(caller, Role.DATA_STEWARD),
                  "patient.guardian-code-issued",
                  new AuditEvent.Subject("patient", psn),
                  Map.of("expiresAt", expires.toString())));
      return new Issued(psn, code, expires, audit);
    } catch (SQLException e) {
      throw new IllegalStateException("the guardian code could not be issued", e);
    }
  }

  /** The minors the caller is a guardian of. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.List<String> wards(Caller caller) {
    try (Connection connection = dataSource.getConnection()) {
      return codes.wardsOf(connection, caller.subject());
    } catch (SQLException e) {
      throw new IllegalStateException("the guardianships could not be read", e);
    }
  }

  /**
   * A signed-in user enters a code: their own (the account gets their pseudonym; only for an
   * account without one), or a guardian's (the account may act for the minor).
   */
  @Transactional
  public Activated activate(Caller caller, String typedCode) {
    if (!caller.has(Role.PATIENT)) {
      throw Refusal.forbidden("Only a patient's account is activated with a code.");
    }
    // Counted (and committed) before the code is looked at, whatever its outcome; here, not in one
    // entry point: the API and the UI both activate through this method.
    if (!attempts.reserve(caller.subject())) {
      throw new Refusal(
          Refusal.Kind.TOO_MANY_ATTEMPTS,
          "too-many-attempts",
          "Too many activation attempts: wait an hour, or ask your hospital for help.",
          List.of());
    }
    boolean wrongCode = false;
    try {
      return link(caller, typedCode);
    } catch (Refusal refusal) {
      wrongCode = refusal.kind() == Refusal.Kind.INVALID;
      throw refusal;
    } finally {
      if (!wrongCode) {
        attempts.giveBack(caller.subject());
      }
    }
  }

  private Activated link(Caller caller, String typedCode) {
    if (!ActivationCode.wellFormed(typedCode)) {
      throw Refusal.invalid(
          "code", "an activation code has 12 letters and digits, like 7KQ4-M2XD-9PWA");
    }
    try (Connection connection = dataSource.getConnection()) {
      Instant now = now();
      Optional<ActivationStore.UsableCode> code =
          codes.usable(connection, ActivationCode.hash(typedCode), now);
      if (code.isPresent()
          && code.get().purpose() == ActivationStore.Purpose.PATIENT
          && caller.psn().isPresent()) {
        throw Refusal.conflict(
            "already-activated", "This account is already linked to a pseudonym.");
      }
      if (code.isEmpty() || !codes.link(connection, code.get(), caller.subject(), now)) {
        // The same answer for unknown, expired, replaced and used codes: nothing to learn.
        throw Refusal.invalid(
            "code", "this code is not valid (any more): ask your hospital for a new one");
      }
      String psn = code.get().psn();
      if (code.get().purpose() == ActivationStore.Purpose.GUARDIAN) {
        return new Activated(
            psn,
            true,
            auditLog.record(
                new AuditEvent(
                    Actors.of(caller, "guardian"),
                    "patient.guardian-linked",
                    new AuditEvent.Subject("patient", psn),
                    Map.of("account", caller.subject()))));
      }
      PendingAudit audit =
          auditLog.record(
              new AuditEvent(
                  Actors.of(caller, Role.PATIENT),
                  "patient.account-linked",
                  new AuditEvent.Subject("patient", psn),
                  Map.of("account", caller.subject())));
      directory.linkPseudonym(caller.subject(), psn);
      return new Activated(psn, false, audit);
    } catch (SQLException e) {
      throw new IllegalStateException("the account could not be activated", e);
    }
  }

  @Inject Clock clock;

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
