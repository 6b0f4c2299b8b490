package eu.clinnova.consent.application;

import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.ConsentStates;
import eu.clinnova.consent.domain.Disclosure;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.ReconsentDue;
import eu.clinnova.consent.domain.ReconsentRequest;
import eu.clinnova.consent.domain.RecordEntry;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.infrastructure.DisclosureStore;
import eu.clinnova.consent.infrastructure.FormStore;
import eu.clinnova.consent.infrastructure.PatientStateCopy;
import eu.clinnova.consent.infrastructure.PatientStore;
import eu.clinnova.consent.infrastructure.ReconsentStore;
import eu.clinnova.consent.infrastructure.RecordStore;
import eu.clinnova.consent.infrastructure.SharedSnapshotRead;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.kernel.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the registry answers: a patient's consent state now or as of any instant, their history,
 * receipts, re-consent requests and disclosures, each for those allowed to see it; and the bulk
 * state of many patients in two queries, for the release gate.
 */
@ApplicationScoped
public class ConsentQueries {

  /** A patient's consent as of an instant, with the records it rests on. */
  public record PatientConsent(
      Patient patient,
      JurisdictionPolicy policy,
      Instant asOf,
      Map<ConsentModule, ModuleState> states,
      List<RecordEntry> history) {

    /** The record a module's state rests on, if it rests on one. */
    public Optional<RecordEntry> recordOf(ModuleState state) {
      return state
          .recordId()
          .flatMap(
              id -> history.stream().filter(entry -> entry.record().id().equals(id)).findFirst());
    }
  }

  /** A record with the form it was made on (none for a withdrawal) and the patient. */
  public record ReceiptData(
      Patient patient, JurisdictionPolicy policy, RecordEntry entry, Optional<ConsentForm> form) {}

  /** A re-consent the patient is asked for; a form-less trigger comes from the patient's age. */
  public record OpenRequest(
      String formId, int fromVersion, int toVersion, String trigger, Instant requestedAt) {}

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  /** Second readers of the release gate's snapshot (outside JTA; {@link SharedSnapshotRead}). */
  @Resource(lookup = "java:jboss/datasources/ClinnovaSnapshotDS")
  private DataSource snapshotReaders;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService executor;

  private final PatientStore patients = new PatientStore();
  private final RecordStore records = new RecordStore();
  @Inject FormStore forms;
  private final ReconsentStore reconsent = new ReconsentStore();
  private final DisclosureStore disclosures = new DisclosureStore();
  private final PolicyCatalogue policies = PolicyCatalogue.bundled();
  private final PatientStateCopy stateCopy = new PatientStateCopy();
  private SharedSnapshotRead sharedSnapshotRead;

  @Inject PersonalDataReads reads;
  @Inject Clock clock;

  @PostConstruct
  void init() {
    sharedSnapshotRead = new SharedSnapshotRead(snapshotReaders, executor, stateCopy);
  }

  /**
   * Brings the release gate's copy of the patients' states up to date (ADR 0015), or forgets it if
   * {@code capacity} is 0; a registry of more than {@code capacity} patients is not copied.
   * Decisions are exact with any copy or none; a fresher copy only makes them faster.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void refreshStateCopy(int capacity) {
    if (capacity <= 0) {
      stateCopy.drop();
      return;
    }
    Reads.on(
        snapshotReaders,
        "the consent state copy",
        connection -> {
          stateCopy.refresh(connection, capacity);
          return null;
        });
  }

  /** The state as of {@code asOf}; a read by staff is logged ({@link PersonalDataReads}). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PatientConsent state(Caller caller, String psn, Instant asOf) {
    PatientConsent consent = state(caller, psn, asOf, PatientAccess.READ);
    reads.read(
        caller, consent.patient(), PersonalDataReads.View.STATE, Map.of("asOf", asOf.toString()));
    return consent;
  }

  /** The current state with the form versions its records were made on (for FHIR). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ConsentDocuments documents(Caller caller, String psn) {
    PatientConsent consent = state(caller, psn, clock.instant(), PatientAccess.INTEROPERABLE);
    reads.read(caller, consent.patient(), PersonalDataReads.View.FHIR_CONSENT, Map.of());
    Map<String, ConsentForm> used = new LinkedHashMap<>();
    for (RecordEntry entry : consent.history()) {
      ConsentRecord record = entry.record();
      if (record.formId() != null) {
        String key = record.formId() + "/" + record.formVersion();
        if (!used.containsKey(key)) {
          forms.find(record.formId(), record.formVersion()).ifPresent(form -> used.put(key, form));
        }
      }
    }
    return new ConsentDocuments(consent, used);
  }

  /** A patient's consent with the forms ({@code id/version}) its records rest on. */
  public record ConsentDocuments(PatientConsent consent, Map<String, ConsentForm> forms) {}

  private PatientConsent state(Caller caller, String psn, Instant asOf, PatientAccess access) {
    return read(
        connection -> {
          Patient patient = access.check(connection, caller, psn);
          List<RecordEntry> history = records.history(connection, psn);
          JurisdictionPolicy policy = policy(patient);
          return new PatientConsent(
              patient,
              policy,
              asOf,
              ConsentStates.asOf(patient, oldestFirst(history), policy, asOf),
              history);
        });
  }

  /** Every record, newest first; a read by staff is logged. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RecordEntry> history(Caller caller, String psn) {
    Map.Entry<Patient, List<RecordEntry>> found =
        read(
            connection ->
                Map.entry(
                    PatientAccess.READ.check(connection, caller, psn),
                    records.history(connection, psn)));
    reads.read(caller, found.getKey(), PersonalDataReads.View.HISTORY, Map.of());
    return found.getValue();
  }

  /** A record's receipt data; a read by staff is logged. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReceiptData receipt(Caller caller, String psn, String recordId) {
    ReceiptData receipt = receiptData(caller, psn, recordId);
    reads.read(
        caller,
        receipt.patient(),
        PersonalDataReads.View.RECEIPT,
        Map.of("recordId", receipt.entry().record().id().toString()));
    return receipt;
  }

  private ReceiptData receiptData(Caller caller, String psn, String recordId) {
    return read(
        connection -> {
          Patient patient = PatientAccess.RECEIPT.check(connection, caller, psn);
          UUID id;
          try {
            id = UUID.fromString(recordId);
          } catch (IllegalArgumentException e) {
            throw Refusal.notFound("No such record.");
          }
          RecordEntry entry =
              records
                  .find(connection, psn, id)
                  .orElseThrow(() -> Refusal.notFound("No such record."));
          Optional<ConsentForm> form =
              entry.record().formId() == null
                  ? Optional.empty()
                  : forms.find(entry.record().formId(), entry.record().formVersion());
          return new ReceiptData(patient, policy(patient), entry, form);
        });
  }

  /** Re-consent requests not answered yet, and a coming-of-age or capacity trigger if due. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OpenRequest> openRequests(Caller caller, String psn) {
    return read(
        connection -> {
          Patient patient = PatientAccess.READ.check(connection, caller, psn);
          List<OpenRequest> open = new ArrayList<>();
          for (ReconsentRequest request : reconsent.open(connection, psn)) {
            open.add(
                new OpenRequest(
                    request.formId(),
                    request.fromVersion(),
                    request.toVersion(),
                    request.trigger(),
                    request.requestedAt()));
          }
          Instant now = clock.instant();
          List<RecordEntry> history = records.history(connection, psn);
          // When a steward recorded that the patient regained capacity (CH), if they did.
          Optional<Instant> capacity =
              oldestFirst(history).stream()
                  .filter(record -> record.kind() == RecordKind.CAPACITY)
                  .map(ConsentRecord::recordedAt)
                  .findFirst();
          ReconsentDue.check(
                  oldestFirst(history),
                  policy(patient),
                  patient.majority(),
                  capacity.map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)),
                  now)
              .ifPresent(
                  trigger ->
                      history.stream()
                          .map(RecordEntry::record)
                          .filter(record -> record.formId() != null)
                          .findFirst()
                          .ifPresent(
                              latest ->
                                  open.add(
                                      new OpenRequest(
                                          latest.formId(),
                                          latest.formVersion(),
                                          latest.formVersion(),
                                          trigger == ReconsentDue.Trigger.CAME_OF_AGE
                                              ? "came-of-age"
                                              : "regained-capacity",
                                          trigger == ReconsentDue.Trigger.CAME_OF_AGE
                                              ? patient
                                                  .majority()
                                                  .map(day -> day.atStartOfDay(ZoneOffset.UTC))
                                                  .map(java.time.ZonedDateTime::toInstant)
                                                  .orElse(now)
                                              : capacity.orElse(now)))));
          return open;
        });
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Disclosure> disclosures(Caller caller, String psn) {
    return read(
        connection -> {
          PatientAccess.DISCLOSURES.check(connection, caller, psn);
          return disclosures.of(connection, psn);
        });
  }

  /**
   * The patient whose proof of a release {@code caller} asks for (self, a minor's guardian,
   * compliance: who sees "who used my data"), or {@link Refusal} 404. A compliance officer's read
   * is logged, durably, before anything is answered.
   */
  public Patient forReleaseProof(Caller caller, String psn, String releaseId) {
    Patient patient = read(connection -> PatientAccess.DISCLOSURES.check(connection, caller, psn));
    reads.read(
        caller, patient, PersonalDataReads.View.RELEASE_PROOF, Map.of("releaseId", releaseId));
    return patient;
  }

  /**
   * Starts reading the state of {@code modules} of the patients of {@code jurisdiction} among
   * {@code psns} (all jurisdictions if null) as of {@code asOf}, in the snapshot of the caller's
   * connection (which must be REPEATABLE READ) so that the release gate reads in its own snapshot:
   * from 100 pseudonyms the gate's copy of the states when it can answer for that snapshot, with
   * only the rows written since it was taken read from the table (ADR 0015); otherwise one query,
   * or from 2,000 pseudonyms a few parts read by two connections at once, the second importing that
   * snapshot ({@link SharedSnapshotRead}) and beginning at once while the caller's connection does
   * other work in the same transaction. {@link PendingStates#finish} joins in and answers; unknown
   * pseudonyms and other jurisdictions' patients are absent from the answer. A pending read whose
   * answer is not needed (the request was refused, or decided without its subjects) is abandoned.
   */
  public PendingStates startStatesOf(
      Connection connection,
      Collection<String> psns,
      Instant asOf,
      String jurisdiction,
      Set<ConsentModule> modules)
      throws SQLException {
    return new PendingStates(
        sharedSnapshotRead.start(
            connection,
            psns instanceof List<String> list ? list : List.copyOf(psns),
            jurisdiction,
            found ->
                new PatientState(
                    found.patient(),
                    ConsentStates.asOf(
                        found.patient(),
                        found.records(),
                        policy(found.patient()),
                        asOf,
                        modules))));
  }

  /** A read of patients' states under way (see {@link #startStatesOf}). */
  public static final class PendingStates {
    private final SharedSnapshotRead.Reading<PatientState> reading;

    private PendingStates(SharedSnapshotRead.Reading<PatientState> reading) {
      this.reading = reading;
    }

    /** The states by pseudonym; {@code connection} is the one the read started on. */
    public Map<String, PatientState> finish(Connection connection) throws SQLException {
      List<PatientState> states = reading.finish(connection);
      Map<String, PatientState> byPsn = new HashMap<>(states.size() * 4 / 3 + 1);
      states.forEach(state -> byPsn.put(state.patient().psn(), state));
      return byPsn;
    }

    /** Stops reading for an answer no one will ask for; harmless after {@link #finish}. */
    public void abandon() {
      reading.abandon();
    }
  }

  /** One patient's state in a bulk answer. */
  public record PatientState(Patient patient, Map<ConsentModule, ModuleState> modules) {}

  /** The records of a newest-first history, in append order. */
  static List<ConsentRecord> oldestFirst(List<RecordEntry> history) {
    List<ConsentRecord> records = new ArrayList<>(history.size());
    for (int i = history.size() - 1; i >= 0; i--) {
      records.add(history.get(i).record());
    }
    return records;
  }

  private JurisdictionPolicy policy(Patient patient) {
    return policies.of(patient.jurisdiction()).orElseThrow();
  }

  private <T> T read(Reads.Read<T> read) {
    return Reads.on(dataSource, "the consent registry", read);
  }
}
