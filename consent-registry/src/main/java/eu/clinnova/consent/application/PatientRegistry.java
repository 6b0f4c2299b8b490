package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.consent.registry.ListedPatient;
import eu.clinnova.consent.registry.PatientCorrection;
import eu.clinnova.consent.registry.PatientFilter;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Jurisdiction;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A jurisdiction's registry as its stewards run it: patients found page by page (a steward sees
 * their own jurisdiction's, a compliance officer every one) and their details corrected (a steward
 * of their jurisdiction). Both are on the record: who looked through the registry with which
 * filter, and what each correction changed.
 */
@ApplicationScoped
public class PatientRegistry {

  private final DataSource dataSource;
  private final AuditTrail auditLog;
  private final StaffRecords staffRecords;
  private final PatientStore patients = new PatientStore();

  @Inject
  public PatientRegistry(DataSource dataSource, AuditTrail auditLog, StaffRecords staffRecords) {
    this.dataSource = dataSource;
    this.auditLog = auditLog;
    this.staffRecords = staffRecords;
  }

  /** For CDI's client proxy only. */
  protected PatientRegistry() {
    this(null, null, null);
  }

  /**
   * One page of a listing, where the next starts (the last pseudonym) if there is one, and the
   * entry that records the look (none when the caller may list nobody).
   */
  public record Page(
      List<ListedPatient> items, Optional<String> next, Optional<PendingAudit> audit) {}

  /**
   * The jurisdictions whose patients the caller may list: a steward's own, every one for a
   * compliance officer, none for anyone else.
   */
  public static Set<String> listable(Caller caller) {
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return Arrays.stream(Jurisdiction.values()).map(Enum::name).collect(Collectors.toSet());
    }
    return caller.has(Role.DATA_STEWARD) ? caller.jurisdictionCodes() : Set.of();
  }

  /**
   * The page {@code filter} selects; its jurisdictions are narrowed to the caller's (a filter may
   * not widen what the caller sees).
   */
  @Transactional
  public Page list(Caller caller, PatientFilter filter) {
    Set<String> allowed = listable(caller);
    Set<String> jurisdictions =
        filter.jurisdictions().stream().filter(allowed::contains).collect(Collectors.toSet());
    if (jurisdictions.isEmpty()) {
      return new Page(List.of(), Optional.empty(), Optional.empty());
    }
    PatientFilter asked =
        new PatientFilter(
            jurisdictions,
            filter.prefix(),
            filter.site(),
            filter.cohort(),
            filter.consent(),
            filter.after(),
            filter.limit());
    try (Connection connection = dataSource.getConnection()) {
      // One more than the page: whether there is a next one.
      List<ListedPatient> found = patients.list(connection, asked, filter.limit() + 1);
      List<ListedPatient> page = found.subList(0, Math.min(found.size(), filter.limit()));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("jurisdictions", jurisdictions.stream().sorted().toList());
      data.put("q", filter.prefix());
      filter.site().ifPresent(site -> data.put("site", site));
      filter.cohort().ifPresent(cohort -> data.put("cohort", cohort.name()));
      filter.consent().ifPresent(standing -> data.put("consent", standing.code()));
      data.put("shown", page.size());
      PendingAudit audit =
          auditLog.record(
              new AuditEvent(
                  Actors.of(
                      caller,
                      caller.has(Role.COMPLIANCE_OFFICER)
                          ? Role.COMPLIANCE_OFFICER
                          : Role.DATA_STEWARD),
                  "patients.listed",
                  new AuditEvent.Subject(
                      "registry", String.join(",", jurisdictions.stream().sorted().toList())),
                  data));
      return new Page(
          List.copyOf(page),
          found.size() > filter.limit()
              ? Optional.of(page.get(page.size() - 1).patient().psn())
              : Optional.empty(),
          Optional.of(audit));
    } catch (SQLException e) {
      throw new IllegalStateException("the patients could not be listed", e);
    }
  }

  /** A correction made: the patient as they are now, and its entry (none if nothing changed). */
  public record Corrected(Patient patient, Optional<PendingAudit> audit) {}

  /**
   * Corrects the patient's details (a steward of their jurisdiction; anyone else is told there is
   * no such patient). A correction that changes nothing writes nothing.
   *
   * @throws Refusal 400 with the fields' problems, 404, or 409 when the regained capacity cannot be
   *     recorded
   */
  @Transactional
  public Corrected correct(Caller caller, String psn, PatientCorrection correction) {
    try (Connection connection = dataSource.getConnection()) {
      PatientAccess.STAFF.check(connection, caller, psn);
      Patient before = patients.lock(connection, psn).orElseThrow();
      PatientCorrection.Applied applied = correction.applyTo(before);
      if (!applied.problems().isEmpty()) {
        throw Refusal.invalid("The correction is invalid.", applied.problems());
      }
      Optional<PendingAudit> audit = Optional.empty();
      Map<String, Object> changed = PatientCorrection.differences(before, applied.patient());
      if (!changed.isEmpty()) {
        patients.correct(connection, applied.patient());
        audit =
            Optional.of(
                auditLog.record(
                    new AuditEvent(
                        Actors.of(caller, Role.DATA_STEWARD),
                        "patient.corrected",
                        new AuditEvent.Subject("patient", psn),
                        Map.of("changed", changed))));
      }
      if (correction.capacityRegained()) {
        audit = Optional.of(staffRecords.capacityRegained(caller, psn).audit());
      }
      return new Corrected(applied.patient(), audit);
    } catch (SQLException e) {
      throw new IllegalStateException("the patient could not be corrected", e);
    }
  }
}
