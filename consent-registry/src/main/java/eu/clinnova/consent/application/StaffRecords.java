package eu.clinnova.consent.application;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.TransactionIds;
import eu.clinnova.audit.service.AuditTrail;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.domain.Attachment;
import eu.clinnova.consent.domain.ConsentBasis;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.infrastructure.AttachmentStore;
import eu.clinnova.consent.infrastructure.FormStore;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.consent.infrastructure.RecordStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import eu.clinnova.kernel.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What a data steward records about a patient besides a consent: that the patient was informed
 * (non-opposition, FR), that a represented patient regained capacity (CH), and the scans of paper
 * forms that records made by staff rest on. Each with its audit entry, in one transaction.
 */
@ApplicationScoped
public class StaffRecords {

  /** Largest evidence scan accepted: 20 MB. */
  public static final int MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

  /** An evidence scan stored. */
  public record Attached(Attachment attachment, PendingAudit audit) {}

  private final DataSource dataSource;
  private final AuditTrail auditLog;
  private final PatientChanges changes;
  private final FormStore forms;
  private final RecordStore records = new RecordStore();
  private final AttachmentStore attachments = new AttachmentStore();

  @Inject
  public StaffRecords(
      DataSource dataSource, AuditTrail auditLog, PatientChanges changes, FormStore forms) {
    this.dataSource = dataSource;
    this.auditLog = auditLog;
    this.changes = changes;
    this.forms = forms;
  }

  /** For CDI's client proxy only. */
  protected StaffRecords() {
    this(null, null, null, null);
  }

  /**
   * Records that a steward informed the patient with a form's text (non-opposition jurisdictions):
   * from then on, the modules the policy lists are permitted unless the patient objects.
   */
  @Transactional
  public ConsentRecording.Recorded inform(
      Caller caller, String psn, String formId, Integer formVersion, String language) {
    try (Connection connection = dataSource.getConnection()) {
      Patient patient = PatientAccess.STAFF.check(connection, caller, psn);
      if (changes.policy(patient).basis() != ConsentBasis.NON_OPPOSITION) {
        throw Refusal.conflict(
            "not-non-opposition",
            patient.jurisdiction() + " does not rest on non-opposition: record a consent instead.");
      }
      List<FieldProblem> problems = new ArrayList<>();
      ConsentRequest request =
          new ConsentRequest(formId, formVersion, language, Map.of(), null, null, null);
      ConsentForm form = RequestedForm.check(forms.latest(formId), patient, request, problems);
      if (!problems.isEmpty()) {
        throw Refusal.invalid("The information record is invalid.", problems);
      }
      return appendInformation(
          connection, patient, form, language, Actors.of(caller, Role.DATA_STEWARD));
    } catch (SQLException e) {
      throw new IllegalStateException("the information could not be recorded", e);
    }
  }

  /**
   * Demo data: the hospital informed a patient of a non-opposition jurisdiction with the current
   * version of {@code formId}, recorded by the portal itself; once (nothing if the patient has any
   * record already).
   */
  @Transactional
  public void informForDemo(String psn, String formId) {
    try (Connection connection = dataSource.getConnection()) {
      Optional<Patient> patient = new PatientStore().find(connection, psn);
      Optional<ConsentForm> form = forms.latest(formId);
      if (patient.isEmpty()
          || form.isEmpty()
          || changes.policy(patient.get()).basis() != ConsentBasis.NON_OPPOSITION
          || !records.history(connection, psn).isEmpty()) {
        return;
      }
      String language = form.get().offers("fr") ? "fr" : "en";
      appendInformation(connection, patient.get(), form.get(), language, AuditEvent.Actor.system());
    } catch (SQLException e) {
      throw new IllegalStateException("the demo information could not be recorded", e);
    }
  }

  /** The INFORMATION record (FR) and its audit entry, in the caller's transaction. */
  private ConsentRecording.Recorded appendInformation(
      Connection connection,
      Patient patient,
      ConsentForm form,
      String language,
      AuditEvent.Actor actor)
      throws SQLException {
    ConsentRecord record =
        new ConsentRecord(
            UUID.randomUUID().toString(),
            patient.psn(),
            RecordKind.INFORMATION,
            form.id(),
            form.version(),
            language,
            form.textSha256(language),
            Map.of(),
            Set.of(),
            SignerKind.STAFF_PAPER,
            changes.now(),
            Map.of());
    appendByStaff(connection, record, actor);
    return new ConsentRecording.Recorded(
        record.id(),
        auditLog.record(
            new AuditEvent(
                actor,
                "consent.informed",
                new AuditEvent.Subject("patient", patient.psn()),
                Map.of(
                    "recordId", record.id(),
                    "formId", form.id(),
                    "formVersion", form.version(),
                    "language", language,
                    "textSha256", record.textSha256(),
                    // What being informed permits unless the patient objects (FR's policy): the
                    // module decisions this entry stands for, as consent entries carry theirs.
                    "modules",
                        changes.policy(patient).nonOppositionModules().stream()
                            .map(ConsentModule::code)
                            .sorted()
                            .toList(),
                    "tx", TransactionIds.current(connection)))));
  }

  /**
   * Records that a patient whose consent a legal representative gave has regained capacity (a
   * steward of the patient's jurisdiction, CH): from now on the representative's permits count as
   * the policy's {@code whileRenewalDue} says, and the patient is asked to decide themself.
   *
   * @throws Refusal 409 {@code not-a-trigger} where the policy knows no such trigger, {@code
   *     already-recorded} the second time
   */
  @Transactional
  public ConsentRecording.Recorded capacityRegained(Caller caller, String psn) {
    try (Connection connection = dataSource.getConnection()) {
      Patient patient = PatientAccess.STAFF.check(connection, caller, psn);
      JurisdictionPolicy policy = changes.policy(patient);
      if (!policy.renewAtCapacity()) {
        throw Refusal.conflict(
            "not-a-trigger",
            patient.jurisdiction() + " knows no consent by a legal representative to renew.");
      }
      if (regainedCapacity(records, connection, psn)) {
        throw Refusal.conflict(
            "already-recorded", "That this patient regained capacity is recorded already.");
      }
      ConsentRecord record =
          ConsentRecord.capacityRegained(
              UUID.randomUUID().toString(), patient.psn(), changes.now());
      appendByStaff(connection, record, Actors.of(caller, Role.DATA_STEWARD));
      return new ConsentRecording.Recorded(
          record.id(),
          changes.audit(
              caller,
              Role.Names.DATA_STEWARD,
              "consent.capacity-regained",
              patient,
              Map.of(
                  "recordId", record.id(),
                  // What the representative's permits mean from here, as the policy said then:
                  // the replay applies it without the policy.
                  "representativePermits", policy.whileRenewalDue().code(),
                  "tx", TransactionIds.current(connection))));
    } catch (SQLException e) {
      throw new IllegalStateException("the regained capacity could not be recorded", e);
    }
  }

  /** A record a steward (or the portal itself) appends: no signer's name, evidence or reason. */
  private void appendByStaff(Connection connection, ConsentRecord record, AuditEvent.Actor actor)
      throws SQLException {
    records.insert(
        connection,
        new RecordEntry(
            record,
            Optional.empty(),
            actor.sub(),
            actor.role(),
            Optional.empty(),
            Optional.empty()));
  }

  /** Whether the patient regained capacity (a record says so). */
  static boolean regainedCapacity(RecordStore records, Connection connection, String psn)
      throws SQLException {
    return records.history(connection, psn).stream()
        .anyMatch(entry -> entry.record().kind() == RecordKind.CAPACITY);
  }

  /** Stores a scan of a paper consent form (a steward of the patient's jurisdiction). */
  @Transactional
  public Attached attach(Caller caller, String psn, String declaredType, byte[] content) {
    try (Connection connection = dataSource.getConnection()) {
      Patient patient = PatientAccess.STAFF.check(connection, caller, psn);
      if (content.length == 0) {
        throw Refusal.invalid("file", "is empty");
      }
      if (content.length > MAX_EVIDENCE_BYTES) {
        throw new Refusal(
            Refusal.Kind.TOO_LARGE,
            "evidence-too-large",
            "A scan may be at most 20 MB.",
            List.of());
      }
      String mediaType = EvidenceType.required(content, declaredType, "evidence-type", "A scan");
      Attachment attachment =
          new Attachment(
              UUID.randomUUID(),
              patient.psn(),
              mediaType,
              content.length,
              Sha256.hex(content),
              changes.now());
      attachments.insert(connection, attachment, content, caller.subject());
      PendingAudit audit =
          changes.audit(
              caller,
              Role.Names.DATA_STEWARD,
              "consent.evidence-attached",
              patient,
              Map.of(
                  "attachmentId",
                  attachment.id().toString(),
                  "mediaType",
                  mediaType,
                  "size",
                  content.length,
                  "sha256",
                  attachment.sha256()));
      return new Attached(attachment, audit);
    } catch (SQLException e) {
      throw new IllegalStateException("the scan could not be stored", e);
    }
  }
}
