package eu.clinnova.consent.application;

import eu.clinnova.audit.log.TransactionIds;
import eu.clinnova.audit.service.PendingAudit;
import eu.clinnova.consent.domain.ConsentBasis;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.FieldProblem;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.form.FormModule;
import eu.clinnova.consent.infrastructure.AttachmentStore;
import eu.clinnova.consent.infrastructure.FormStore;
import eu.clinnova.consent.infrastructure.RecordStore;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records what patients decide: consents and withdrawals (objections, in FR), by the patient, a
 * guardian, or a steward from a signed paper form. What stewards record besides is {@link
 * StaffRecords}'. Each is appended with its audit entry in one transaction; anything refused is
 * refused before or instead of a write, and rolled back if not.
 */
@ApplicationScoped
public class ConsentRecording {

  /** A record made, with its audit entry (logged once the transaction commits). */
  public record Recorded(String recordId, PendingAudit audit) {}

  private final DataSource dataSource;
  private final PatientChanges changes;
  private final FormStore forms;
  private final RecordStore records = new RecordStore();
  private final AttachmentStore attachments = new AttachmentStore();

  @Inject
  public ConsentRecording(DataSource dataSource, PatientChanges changes, FormStore forms) {
    this.dataSource = dataSource;
    this.changes = changes;
    this.forms = forms;
  }

  /** For CDI's client proxy only. */
  protected ConsentRecording() {
    this(null, null, null);
  }

  @Transactional
  public Recorded consent(Caller caller, String psn, ConsentRequest request) {
    try (Connection connection = dataSource.getConnection()) {
      Patient patient = PatientAccess.SIGN.check(connection, caller, psn);
      List<FieldProblem> problems = new ArrayList<>();
      ConsentForm form =
          RequestedForm.check(
              request.formId() == null ? Optional.empty() : forms.latest(request.formId()),
              patient,
              request,
              problems);
      boolean firstOnForm =
          form == null
              || records.history(connection, patient.psn()).stream()
                  .map(RecordEntry::record)
                  .noneMatch(
                      record ->
                          record.kind() == RecordKind.CONSENT && form.id().equals(record.formId()));
      Map<ConsentModule, Decision> decisions =
          decisions(form, request.decisions(), firstOnForm, problems);
      Signer signer = signer(connection, caller, patient, request, problems);
      if (!problems.isEmpty()) {
        throw Refusal.invalid("The consent is invalid.", problems);
      }
      Instant now = changes.now();
      JurisdictionPolicy policy = changes.policy(patient);
      Map<ConsentModule, Instant> validUntil = new EnumMap<>(ConsentModule.class);
      decisions.forEach(
          (module, decision) -> {
            if (decision == Decision.PERMIT) {
              policy.permitEnds(module, now).ifPresent(end -> validUntil.put(module, end));
            }
          });
      ConsentRecord record =
          new ConsentRecord(
              UUID.randomUUID().toString(),
              patient.psn(),
              RecordKind.CONSENT,
              form.id(),
              form.version(),
              request.language(),
              form.textSha256(request.language()),
              decisions,
              Set.of(),
              signer.kind(),
              now,
              validUntil);
      records.insert(
          connection,
          new RecordEntry(
              record,
              Optional.ofNullable(signer.name()),
              caller.subject(),
              signer.role(),
              Optional.ofNullable(signer.evidence()),
              Optional.empty()));
      Map<String, Object> decided = new TreeMap<>();
      decisions.forEach((module, decision) -> decided.put(module.code(), decision.code()));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("recordId", record.id());
      data.put("formId", form.id());
      data.put("formVersion", form.version());
      data.put("language", record.language());
      data.put("textSha256", record.textSha256());
      data.put("decisions", decided);
      if (!validUntil.isEmpty()) {
        // When each permit ends (DE's validity periods): the log alone then tells, as the gate
        // does, whether a permit still held at a release (the compliance replay).
        Map<String, Object> ends = new TreeMap<>();
        validUntil.forEach((module, end) -> ends.put(module.code(), end.toString()));
        data.put("validUntil", ends);
      }
      data.put("signer", signer.kind().code());
      if (signer.evidence() != null) {
        data.put("evidence", signer.evidence().toString());
      }
      data.put("tx", TransactionIds.current(connection));
      return new Recorded(
          record.id(), changes.audit(caller, signer.role(), "consent.recorded", patient, data));
    } catch (SQLException e) {
      throw new IllegalStateException("the consent could not be recorded", e);
    }
  }

  /**
   * Withdraws {@code modules} (all when empty). In a non-opposition jurisdiction (FR), withdrawing
   * everything is an objection to any reuse.
   */
  @Transactional
  public Recorded withdraw(Caller caller, String psn, List<String> moduleCodes, String reason) {
    return withdraw(caller, psn, moduleCodes, reason, null);
  }

  /**
   * The same, and a steward recording a withdrawal or objection that reached them on paper may name
   * its scan ({@code evidenceAttachmentId}, an attachment of the patient's). The scan is not
   * required: a withdrawal is honoured however it arrives.
   */
  @Transactional
  public Recorded withdraw(
      Caller caller, String psn, List<String> moduleCodes, String reason, String evidenceId) {
    try (Connection connection = dataSource.getConnection()) {
      Patient patient = PatientAccess.SIGN.check(connection, caller, psn);
      List<FieldProblem> problems = new ArrayList<>();
      Set<ConsentModule> modules = EnumSet.noneOf(ConsentModule.class);
      for (String code : moduleCodes) {
        Optional<ConsentModule> module = ConsentModule.fromCode(code);
        if (module.isEmpty()) {
          problems.add(new FieldProblem("modules", "unknown module " + code));
        } else if (!modules.add(module.get())) {
          problems.add(new FieldProblem("modules", "module " + code + " appears twice"));
        }
      }
      if (reason != null && reason.length() > 1000) {
        problems.add(new FieldProblem("reason", "must be at most 1000 characters"));
      }
      UUID evidence = null;
      if (evidenceId != null) {
        if (!caller.isStewardOf(patient.jurisdiction())) {
          problems.add(
              new FieldProblem(
                  "evidenceAttachmentId", "is for staff recording a paper withdrawal"));
        } else {
          evidence = evidence(connection, patient, evidenceId, problems);
        }
      }
      if (!problems.isEmpty()) {
        throw Refusal.invalid("The withdrawal is invalid.", problems);
      }
      boolean objection =
          modules.isEmpty() && changes.policy(patient).basis() == ConsentBasis.NON_OPPOSITION;
      String role =
          caller.isPatient(patient.psn())
              ? Role.Names.PATIENT
              : caller.isStewardOf(patient.jurisdiction()) ? Role.Names.DATA_STEWARD : "guardian";
      ConsentRecord record =
          new ConsentRecord(
              UUID.randomUUID().toString(),
              patient.psn(),
              objection ? RecordKind.OBJECTION : RecordKind.WITHDRAWAL,
              null,
              null,
              null,
              null,
              Map.of(),
              modules,
              switch (role) {
                case Role.Names.PATIENT -> SignerKind.SELF;
                case "guardian" -> SignerKind.GUARDIAN;
                default -> SignerKind.STAFF_PAPER;
              },
              changes.now(),
              Map.of());
      records.insert(
          connection,
          new RecordEntry(
              record,
              Optional.empty(),
              caller.subject(),
              role,
              Optional.ofNullable(evidence),
              Optional.ofNullable(reason == null || reason.isBlank() ? null : reason.strip())));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("recordId", record.id());
      data.put(
          "modules",
          modules.isEmpty()
              ? List.of("*")
              : modules.stream().map(ConsentModule::code).sorted().toList());
      if (evidence != null) {
        data.put("evidence", evidence.toString());
      }
      data.put("tx", TransactionIds.current(connection));
      int told = WithdrawalNotices.tellRecipients(connection, record, patient);
      data.put("recipientsTold", told);
      return new Recorded(
          record.id(),
          changes.audit(
              caller, role, objection ? "consent.objected" : "consent.withdrawn", patient, data));
    } catch (SQLException e) {
      throw new IllegalStateException("the withdrawal could not be recorded", e);
    }
  }

  /**
   * The decisions given, checked against the form. The form's required modules must be answered in
   * the patient's first consent on the form; later records may change single modules.
   */
  private static Map<ConsentModule, Decision> decisions(
      ConsentForm form,
      Map<String, String> given,
      boolean firstOnForm,
      List<FieldProblem> problems) {
    Map<ConsentModule, Decision> decisions = new EnumMap<>(ConsentModule.class);
    if (given == null || given.isEmpty()) {
      problems.add(new FieldProblem("decisions", "must decide at least one module"));
      return decisions;
    }
    given.forEach(
        (code, value) -> {
          Optional<ConsentModule> module = ConsentModule.fromCode(code);
          Optional<Decision> decision = Decision.fromCode(value);
          if (module.isEmpty()) {
            problems.add(new FieldProblem("decisions." + code, "unknown module " + code));
          } else if (form != null && form.module(module.get()).isEmpty()) {
            problems.add(
                new FieldProblem("decisions." + code, "form " + form.id() + " has no " + code));
          } else if (decision.isEmpty()) {
            problems.add(new FieldProblem("decisions." + code, "must be permit or deny"));
          } else {
            decisions.put(module.get(), decision.get());
          }
        });
    if (form != null && firstOnForm) {
      for (FormModule module : form.modules()) {
        if (module.required() && !given.containsKey(module.module().code())) {
          problems.add(
              new FieldProblem(
                  "decisions." + module.module().code(), "must be answered (required)"));
        }
      }
    }
    return decisions;
  }

  /** Who signs, as the rules allow it for this caller and patient. */
  private record Signer(SignerKind kind, String name, UUID evidence, String role) {}

  private Signer signer(
      Connection connection,
      Caller caller,
      Patient patient,
      ConsentRequest request,
      List<FieldProblem> problems)
      throws SQLException {
    if (caller.isPatient(patient.psn())) {
      if (request.signerKind() != null && !"self".equals(request.signerKind())) {
        problems.add(new FieldProblem("signer.kind", "a patient signs as self"));
      }
      if (request.evidenceAttachmentId() != null) {
        problems.add(
            new FieldProblem("evidenceAttachmentId", "is for staff recording a paper form"));
      }
      if (patient.isMinorOn(LocalDate.ofInstant(changes.now(), ZoneOffset.UTC))) {
        throw Refusal.conflict(
            "minor",
            "A minor's consent is given by their guardians until they come of age; a data"
                + " steward records it from the signed paper form.");
      }
      return new Signer(SignerKind.SELF, null, null, Role.Names.PATIENT);
    }
    if (!caller.isStewardOf(patient.jurisdiction())) {
      // Neither the patient nor a steward: a guardian of this minor (the access check said so).
      if (request.signerKind() != null && !"guardian".equals(request.signerKind())) {
        problems.add(new FieldProblem("signer.kind", "a guardian signs as guardian"));
      }
      if (request.evidenceAttachmentId() != null) {
        problems.add(
            new FieldProblem("evidenceAttachmentId", "is for staff recording a paper form"));
      }
      String name = request.signerName() == null ? null : request.signerName().strip();
      if (name != null && name.length() > 200) {
        problems.add(new FieldProblem("signer.name", "must be at most 200 characters"));
      }
      return new Signer(
          SignerKind.GUARDIAN, name == null || name.isEmpty() ? null : name, null, "guardian");
    }
    Optional<SignerKind> kind = SignerKind.fromCode(request.signerKind());
    if (kind.isEmpty() || kind.get() == SignerKind.SELF) {
      problems.add(
          new FieldProblem(
              "signer.kind",
              "staff record a paper form: staff-paper (signed by the patient), guardian or"
                  + " representative"));
      return new Signer(SignerKind.STAFF_PAPER, null, null, Role.Names.DATA_STEWARD);
    }
    String name = request.signerName() == null ? null : request.signerName().strip();
    if (kind.get() != SignerKind.STAFF_PAPER && (name == null || name.isEmpty())) {
      problems.add(new FieldProblem("signer.name", "the guardian or representative's name"));
    }
    if (name != null && name.length() > 200) {
      problems.add(new FieldProblem("signer.name", "must be at most 200 characters"));
    }
    if (kind.get() == SignerKind.GUARDIAN && !patient.minor()) {
      problems.add(new FieldProblem("signer.kind", "guardians sign for minors only"));
    }
    if (kind.get() == SignerKind.REPRESENTATIVE && !changes.policy(patient).renewAtCapacity()) {
      problems.add(
          new FieldProblem(
              "signer.kind", "legal representatives sign in CH only (general consent rules)"));
    }
    if (kind.get() == SignerKind.REPRESENTATIVE
        && StaffRecords.regainedCapacity(records, connection, patient.psn())) {
      problems.add(
          new FieldProblem(
              "signer.kind", "the patient has regained capacity: they decide themself"));
    }
    UUID evidence = evidence(connection, patient, request.evidenceAttachmentId(), problems);
    return new Signer(kind.get(), name, evidence, Role.Names.DATA_STEWARD);
  }

  private UUID evidence(
      Connection connection, Patient patient, String id, List<FieldProblem> problems)
      throws SQLException {
    if (id == null) {
      problems.add(
          new FieldProblem("evidenceAttachmentId", "a paper form needs its scan as evidence"));
      return null;
    }
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("evidenceAttachmentId", "is not an attachment id"));
      return null;
    }
    if (attachments
        .find(connection, uuid)
        .filter(found -> found.psn().equals(patient.psn()))
        .isEmpty()) {
      problems.add(new FieldProblem("evidenceAttachmentId", "no such attachment of this patient"));
      return null;
    }
    return uuid;
  }
}
