package eu.clinnova.consent.application;

import static eu.clinnova.kernel.json.Jsonp.JSON;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.EntrySearch;
import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Who read a patient's consent (issue 16; GDPR Art. 5(2), the EHDS's access logs). When staff,
 * compliance or a node read a patient's consent, history, receipt or FHIR Consent, the log gets a
 * {@value #ACTION} entry about the patient, durable before the data is handed out; the patient (or
 * their guardian, or compliance) can list those reads. A patient reading their own consent, or a
 * guardian their ward's, is not logged: it is their own data.
 */
@ApplicationScoped
public class PersonalDataReads {

  public static final String ACTION = "consent.viewed";

  /** What was read. */
  public enum View {
    STATE("state"),
    HISTORY("history"),
    RECEIPT("receipt"),
    FHIR_CONSENT("fhir-consent"),
    /** Whether a release included the patient ({@code GET .../releases/{id}/proof}). */
    RELEASE_PROOF("release-proof");

    private final String code;

    View(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** One logged read: when, by whom (their role and account id), what, and its log index. */
  public record LoggedRead(
      long auditIndex, Instant at, String actorRole, String actorSub, String view) {}

  static final int SHOWN = 200;

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  @Inject AuditLogService auditLog;

  /** Logs {@code caller}'s read of {@code patient}'s consent if it is a read by staff. */
  void read(Caller caller, Patient patient, View view, Map<String, Object> details) {
    Optional<Role> role = staffRole(caller, patient);
    if (role.isEmpty()) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>(details);
    data.put("view", view.code());
    auditLog.recordDurably(
        new AuditEvent(
            Actors.of(caller, role.get()),
            ACTION,
            new AuditEvent.Subject("patient", patient.psn()),
            data));
  }

  /**
   * The role in which {@code caller} reads {@code patient}'s consent as staff, or empty when it is
   * the patient's own read or a guardian's.
   */
  static Optional<Role> staffRole(Caller caller, Patient patient) {
    if (caller.isPatient(patient.psn())) {
      return Optional.empty();
    }
    if (caller.isStewardOf(patient.jurisdiction())) {
      return Optional.of(Role.DATA_STEWARD);
    }
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return Optional.of(Role.COMPLIANCE_OFFICER);
    }
    if (caller.has(Role.NODE)) {
      return Optional.of(Role.NODE);
    }
    return Optional.empty();
  }

  /**
   * The logged reads of {@code psn}'s consent, newest first (the patient, a guardian, compliance).
   */
  public List<LoggedRead> of(Caller caller, String psn) {
    try (Connection connection = dataSource.getConnection()) {
      PatientAccess.DISCLOSURES.check(connection, caller, psn);
    } catch (SQLException e) {
      throw new IllegalStateException("the patient could not be read", e);
    }
    List<LoggedRead> reads = new ArrayList<>();
    for (StoredEntry entry :
        auditLog.search(new EntrySearch(null, null, ACTION, null, "patient", psn, null, SHOWN))) {
      JsonObject leaf = JSON.createReader(new ByteArrayInputStream(entry.leaf())).readObject();
      reads.add(
          new LoggedRead(
              entry.index(),
              entry.time(),
              entry.actorRole(),
              entry.actorSub(),
              leaf.getJsonObject("data").getString("view", "")));
    }
    return reads;
  }
}
