package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.ConsentStates;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.JurisdictionPolicy;
import eu.clinnova.consent.domain.ModuleState;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.infrastructure.PatientStateStore.PatientRecords;
import eu.clinnova.consent.policy.PolicyCatalogue;
import eu.clinnova.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The release gate's read paths decide exactly what the rules decide (issue 17). Each try writes
 * random patients with random histories (consents by themselves, guardians or representatives,
 * withdrawals of some modules or all, FR information and objections, validity ends, two form
 * versions, records in the same instant, minors who come of age, represented patients who regain
 * capacity) through the real tables and triggers, then asks for them with 2,100 patients written
 * once, as of a random instant, through every path the gate has: the byte-level row parser on one
 * connection, two connections in one exported snapshot (and the helper's connection alone,
 * deterministically), and the in-memory copy (taken before the try's last writes, so that it merges
 * the rows written since). Every subject's state of every module must equal a plain fold of the
 * records as they were generated, written here from domain.md's rules without the production code.
 */
class GateReadPathsPropertyTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> JURISDICTIONS = List.of("LU", "FR", "DE", "CH");
  private static final Map<String, ConsentForm> FORMS = new LinkedHashMap<>();
  private static final PolicyCatalogue POLICIES = PolicyCatalogue.bundled();
  private static final int BASE = 2_100;

  private static TestDatabase database;
  private static ExecutorService helpers;
  private static final Map<String, Generated> BASE_PATIENTS = new LinkedHashMap<>();
  private static final AtomicInteger TRIES = new AtomicInteger();

  /** A patient as generated, with their records in the order they were written. */
  record Generated(Patient patient, List<ConsentRecord> records) {}

  @BeforeContainer
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
    helpers = Executors.newSingleThreadExecutor();
    try (Connection connection = database.app().getConnection()) {
      for (String id :
          List.of(
              "lu-research-consent",
              "fr-research-information",
              "de-broad-consent",
              "ch-general-consent")) {
        ConsentForm form = ConsentForms.seedForm(id, Instant.now());
        // A major version 2, the same modules: records on either version decide alike.
        Forms.publish(
            database,
            "admin-sub",
            form,
            new ConsentForm(
                form.id(),
                form.version() + 1,
                form.jurisdiction(),
                eu.clinnova.consent.form.FormChange.MAJOR,
                form.languages(),
                form.title(),
                form.intro(),
                form.modules(),
                form.publishedAt().plusSeconds(1)));
        FORMS.put(form.jurisdiction(), form);
      }
      Random random = new Random(2026);
      for (int i = 0; i < BASE; i++) {
        Generated patient = generate(random, String.format("B%05d", i));
        write(connection, patient.patient(), patient.records());
        BASE_PATIENTS.put(patient.patient().psn(), patient);
      }
    }
  }

  @AfterContainer
  static void stop() throws Exception {
    helpers.shutdownNow();
    database.close();
  }

  @Property(tries = 25)
  void everyReadPathDecidesWhatThePlainFoldDecides(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 120) int patients,
      @ForAll @IntRange(min = -30, max = 12_000) int asOfDay)
      throws Exception {
    Random random = new Random(seed);
    String tryId = String.format("T%03d", TRIES.incrementAndGet());
    Map<String, Generated> everyone = new LinkedHashMap<>(BASE_PATIENTS);
    List<Generated> fresh = new ArrayList<>();
    for (int i = 0; i < patients; i++) {
      fresh.add(generate(random, tryId + String.format("X%03d", i)));
    }
    PatientStateCopy copy = new PatientStateCopy();
    try (Connection connection = database.app().getConnection()) {
      // Half the try's patients before the copy is taken, half after: the copy answers for the
      // first and merges the rows written since for the rest.
      for (int i = 0; i < fresh.size(); i++) {
        if (i == fresh.size() / 2) {
          copy.refresh(connection, 100_000);
        }
        write(connection, fresh.get(i).patient(), fresh.get(i).records());
        everyone.put(fresh.get(i).patient().psn(), fresh.get(i));
      }
      if (fresh.size() < 2) {
        copy.refresh(connection, 100_000);
      }
    }
    List<String> asked = new ArrayList<>(everyone.keySet());
    asked.add("LU-Z" + tryId + "NONE");
    Collections.shuffle(asked, random);
    String jurisdiction = random.nextInt(5) == 0 ? null : JURISDICTIONS.get(random.nextInt(4));
    Instant asOf = T0.plus(Duration.ofDays(asOfDay)).plusSeconds(random.nextInt(86_400));

    Map<String, Map<ConsentModule, String>> expected = new TreeMap<>();
    for (String psn : asked) {
      Generated patient = everyone.get(psn);
      if (patient != null
          && (jurisdiction == null || jurisdiction.equals(patient.patient().jurisdiction()))) {
        expected.put(psn, PlainFold.of(patient, asOf));
      }
    }
    try (Connection caller = Snapshots.taken(database.app())) {
      decidesAlike(
          expected,
          folded(new PatientStateStore().of(caller, asked, jurisdiction), asOf),
          "the row parser, one connection");
      decidesAlike(
          expected,
          folded(
              new SharedSnapshotRead(database.app(), helpers, new PatientStateCopy())
                  .of(caller, asked, jurisdiction, Function.identity()),
              asOf),
          "two connections in one snapshot");
      decidesAlike(
          expected,
          folded(
              // The helper runs at once on this thread: it reads every part on its own connection
              // in the imported snapshot, whatever the machine's timing.
              new SharedSnapshotRead(database.app(), Runnable::run, new PatientStateCopy())
                  .of(caller, asked, jurisdiction, Function.identity()),
              asOf),
          "the helper's connection, in the caller's exported snapshot");
      decidesAlike(
          expected,
          folded(
              new SharedSnapshotRead(
                      database.app(),
                      task -> {
                        throw new AssertionError("the copy answers without a helper");
                      },
                      copy)
                  .of(caller, asked, jurisdiction, Function.identity()),
              asOf),
          "the in-memory copy and the rows written since it");
      caller.rollback();
    }
  }

  /** The same subjects and states, or a failure naming the first few subjects that differ. */
  private static void decidesAlike(
      Map<String, Map<ConsentModule, String>> expected,
      Map<String, Map<ConsentModule, String>> read,
      String path) {
    List<String> differences = new ArrayList<>();
    java.util.Set<String> subjects = new java.util.TreeSet<>(expected.keySet());
    subjects.addAll(read.keySet());
    for (String psn : subjects) {
      if (!java.util.Objects.equals(expected.get(psn), read.get(psn)) && differences.size() < 5) {
        differences.add(
            psn + ": the rules " + expected.get(psn) + ", " + path + " " + read.get(psn));
      }
    }
    assertEquals(List.of(), differences, path);
  }

  /** Each read patient's state of every module, as the gate folds what it read. */
  private static Map<String, Map<ConsentModule, String>> folded(
      List<PatientRecords> read, Instant asOf) {
    Map<String, Map<ConsentModule, String>> states = new TreeMap<>();
    for (PatientRecords patient : read) {
      JurisdictionPolicy policy = POLICIES.of(patient.patient().jurisdiction()).orElseThrow();
      Map<ConsentModule, String> modules = new EnumMap<>(ConsentModule.class);
      ConsentStates.asOf(patient.patient(), patient.records(), policy, asOf)
          .forEach((module, state) -> modules.put(module, describe(state)));
      states.put(patient.patient().psn(), modules);
    }
    return states;
  }

  private static String describe(ModuleState state) {
    return state.decision().code() + "/" + state.reason();
  }

  /**
   * domain.md's rules, folded forward over the records as generated: per module the latest record
   * recorded by the instant that speaks of it decides (a consent's permit or deny, a withdrawal of
   * it or of everything, an objection); a permit whose validity ended by then is a deny; without
   * any, FR's information permits its non-opposition modules; otherwise deny; a guardian's permit
   * lapses once the minor comes of age, where the policy says so.
   */
  static final class PlainFold {

    static Map<ConsentModule, String> of(Generated generated, Instant asOf) {
      JurisdictionPolicy policy = POLICIES.of(generated.patient().jurisdiction()).orElseThrow();
      List<ConsentRecord> inOrder = new ArrayList<>(generated.records());
      inOrder.sort(Comparator.comparing(ConsentRecord::recordedAt)); // stable: written order
      Map<ConsentModule, String> states = new EnumMap<>(ConsentModule.class);
      for (ConsentModule module : ConsentModule.values()) {
        String state = null;
        Instant until = null;
        SignerKind signer = null;
        Instant decidedAt = null;
        boolean informed = false;
        Instant capacity = null;
        for (ConsentRecord record : inOrder) {
          if (record.recordedAt().isAfter(asOf)) {
            continue;
          }
          switch (record.kind()) {
            case CONSENT -> {
              Decision decision = record.decisions().get(module);
              if (decision != null) {
                state = decision == Decision.PERMIT ? "permit/RECORDED" : "deny/RECORDED";
                until = record.validUntil().get(module);
                signer = record.signer();
                decidedAt = record.recordedAt();
              }
            }
            case WITHDRAWAL -> {
              if (record.withdrawn().isEmpty() || record.withdrawn().contains(module)) {
                state = "deny/WITHDRAWN";
              }
            }
            case OBJECTION -> state = "deny/OBJECTED";
            case INFORMATION -> informed = true;
            case CAPACITY -> capacity = capacity == null ? record.recordedAt() : capacity;
          }
        }
        if (state == null) {
          state =
              informed && policy.nonOppositionModules().contains(module)
                  ? "permit/NON_OPPOSITION"
                  : "deny/NO_RECORD";
        } else if (state.startsWith("permit") && until != null && !until.isAfter(asOf)) {
          state = "deny/EXPIRED";
        } else if (state.startsWith("permit")
            && signer == SignerKind.GUARDIAN
            && cameOfAge(generated.patient(), policy, asOf)) {
          state = "deny/RENEWAL_DUE";
        } else if (state.startsWith("permit")
            && signer == SignerKind.REPRESENTATIVE
            && capacity != null
            && !decidedAt.isAfter(capacity)
            && policy.renewAtCapacity()
            && policy.whileRenewalDue() == JurisdictionPolicy.RenewalEffect.PERMITS_LAPSE) {
          // CH: a representative's yes lapses once the patient regained capacity.
          state = "deny/RENEWAL_DUE";
        }
        states.put(module, state);
      }
      return states;
    }
  }

  /**
   * domain.md: a minor's consent is given by guardians and must be renewed by the patient at
   * majority; the policy says the guardian's yes lapses meanwhile.
   */
  static boolean cameOfAge(Patient patient, JurisdictionPolicy policy, Instant asOf) {
    return patient.minor()
        && patient.adultOn() != null
        && policy.renewAtMajority()
        && policy.whileRenewalDue() == JurisdictionPolicy.RenewalEffect.PERMITS_LAPSE
        && !LocalDate.ofInstant(asOf, java.time.ZoneOffset.UTC).isBefore(patient.adultOn());
  }

  /** A random patient of a random jurisdiction and their history. */
  private static Generated generate(Random random, String id) {
    String jurisdiction = JURISDICTIONS.get(random.nextInt(4));
    boolean minor = random.nextInt(5) == 0;
    Set<Patient.Cohort> cohorts = EnumSet.noneOf(Patient.Cohort.class);
    cohorts.add(Patient.Cohort.values()[random.nextInt(3)]);
    if (random.nextBoolean()) {
      cohorts.add(Patient.Cohort.values()[random.nextInt(3)]);
    }
    Patient patient =
        new Patient(
            jurisdiction + "-" + id,
            jurisdiction,
            random.nextBoolean() ? "CHL" : "Hôpital, Süd",
            cohorts,
            minor,
            minor && random.nextBoolean() ? LocalDate.of(2030, 1 + random.nextInt(12), 1) : null);
    ConsentForm form = FORMS.get(jurisdiction);
    JurisdictionPolicy policy = POLICIES.of(jurisdiction).orElseThrow();
    List<ConsentRecord> records = new ArrayList<>();
    Instant at = T0.plusSeconds(random.nextInt(86_400 * 30));
    for (int n = random.nextInt(6); n > 0; n--) {
      // Records follow each other, sometimes in the same instant.
      at = random.nextInt(6) == 0 ? at : at.plus(Duration.ofHours(1 + random.nextInt(24 * 400)));
      records.add(record(random, patient, form, policy, at));
    }
    return new Generated(patient, records);
  }

  private static ConsentRecord record(
      Random random, Patient patient, ConsentForm form, JurisdictionPolicy policy, Instant at) {
    int kind = random.nextInt(10);
    String psn = patient.psn();
    if (patient.jurisdiction().equals("CH") && kind == 0) {
      return ConsentRecord.capacityRegained(UUID.randomUUID().toString(), psn, at);
    }
    if (patient.jurisdiction().equals("FR") && kind < 3) {
      return new ConsentRecord(
          UUID.randomUUID().toString(),
          psn,
          kind < 2 ? RecordKind.INFORMATION : RecordKind.OBJECTION,
          kind < 2 ? form.id() : null,
          kind < 2 ? form.version() : null,
          kind < 2 ? "fr" : null,
          kind < 2 ? form.textSha256("fr") : null,
          Map.of(),
          Set.of(),
          SignerKind.STAFF_PAPER,
          at,
          Map.of());
    }
    if (kind < 7) {
      Map<ConsentModule, Decision> decisions = new EnumMap<>(ConsentModule.class);
      Map<ConsentModule, Instant> validUntil = new HashMap<>();
      for (ConsentModule module : ConsentModule.values()) {
        if (form.module(module).isEmpty() || random.nextInt(4) == 0) {
          continue;
        }
        Decision decision = random.nextInt(3) == 0 ? Decision.DENY : Decision.PERMIT;
        decisions.put(module, decision);
        if (decision == Decision.PERMIT) {
          policy.permitEnds(module, at).ifPresent(end -> validUntil.put(module, end));
          if (random.nextInt(8) == 0) {
            validUntil.put(module, at.plus(Duration.ofDays(1 + random.nextInt(900))));
          }
        }
      }
      if (decisions.isEmpty()) {
        decisions.put(ConsentModule.CLINICAL_DATA, Decision.PERMIT);
      }
      SignerKind signer =
          patient.minor() && random.nextBoolean()
              ? SignerKind.GUARDIAN
              : patient.jurisdiction().equals("CH") && random.nextInt(4) == 0
                  ? SignerKind.REPRESENTATIVE
                  : SignerKind.SELF;
      return new ConsentRecord(
          UUID.randomUUID().toString(),
          psn,
          RecordKind.CONSENT,
          form.id(),
          // A record of version 2 of the form: versions do not change what a record decides.
          random.nextInt(5) == 0 ? form.version() + 1 : form.version(),
          "en",
          form.textSha256("en"),
          decisions,
          Set.of(),
          signer,
          at,
          validUntil);
    }
    Set<ConsentModule> withdrawn = EnumSet.noneOf(ConsentModule.class);
    if (random.nextBoolean()) {
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        withdrawn.add(ConsentModule.values()[random.nextInt(ConsentModule.values().length)]);
      }
    }
    return new ConsentRecord(
        UUID.randomUUID().toString(),
        psn,
        RecordKind.WITHDRAWAL,
        null,
        null,
        null,
        null,
        Map.of(),
        withdrawn,
        SignerKind.SELF,
        at,
        Map.of());
  }

  private static void write(Connection connection, Patient patient, List<ConsentRecord> records)
      throws SQLException {
    new PatientStore().insert(connection, patient, T0, "s");
    for (ConsentRecord record : records) {
      new RecordStore().insert(connection, ConsentStoresTest.entry(record));
    }
  }
}
