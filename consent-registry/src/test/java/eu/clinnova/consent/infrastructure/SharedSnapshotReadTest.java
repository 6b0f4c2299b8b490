package eu.clinnova.consent.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.consent.application.ConsentForms;
import eu.clinnova.consent.domain.ConsentModule;
import eu.clinnova.consent.domain.ConsentRecord;
import eu.clinnova.consent.domain.Decision;
import eu.clinnova.consent.domain.Patient;
import eu.clinnova.consent.domain.RecordKind;
import eu.clinnova.consent.domain.SignerKind;
import eu.clinnova.consent.form.ConsentForm;
import eu.clinnova.consent.infrastructure.PatientStateStore.PatientRecords;
import eu.clinnova.testing.TestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release gate's read on two connections (ADR 0014), on a real PostgreSQL: both readers read in
 * the caller's snapshot, the parts add up to exactly what one connection reads, and a helper that
 * cannot help costs nothing but time.
 */
class SharedSnapshotReadTest {

  static TestDatabase database;
  static final List<String> PSNS = new ArrayList<>();
  static final ConsentForm LU = ConsentForms.seedForm("lu-research-consent", Instant.now());
  static final Function<PatientRecords, PatientRecords> AS_READ = Function.identity();

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.migrated("consent");
    try (Connection connection = database.app().getConnection()) {
      Forms.publish(database, "admin-sub", LU);
      RecordStore records = new RecordStore();
      ConsentModule[] modules = ConsentModule.values();
      for (int i = 0; i < ConsentParallelism.FROM + 500; i++) {
        String psn = String.format("LU-8%04d", i);
        ConsentStoresTest.enrol(connection, psn);
        PSNS.add(psn);
        // Six different decision lists in turn: more than a reader's recent-decisions memory.
        Map<ConsentModule, Decision> decisions = new EnumMap<>(ConsentModule.class);
        for (int m = 0; m < modules.length; m++) {
          decisions.put(modules[m], (m + i) % 6 == 0 ? Decision.DENY : Decision.PERMIT);
        }
        records.insert(
            connection,
            ConsentStoresTest.entry(
                new ConsentRecord(
                    UUID.randomUUID().toString(),
                    psn,
                    RecordKind.CONSENT,
                    LU.id(),
                    LU.version(),
                    "en",
                    LU.textSha256("en"),
                    decisions,
                    Set.of(),
                    SignerKind.SELF,
                    ConsentStoresTest.T0.plusSeconds(i),
                    Map.of())));
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void theHelperReadsInTheCallersSnapshotNeitherLaterCommitsNorTheCallersOwnWrites()
      throws Exception {
    String first = PSNS.get(0);
    String last = PSNS.get(PSNS.size() - 1);
    try (Connection caller = Snapshots.taken(database.app())) {
      // Committed after the caller's snapshot was taken: neither reader may see it.
      try (Connection other = database.app().getConnection()) {
        new RecordStore().insert(other, ConsentStoresTest.entry(withdrawal(first)));
        new RecordStore().insert(other, ConsentStoresTest.entry(withdrawal(last)));
      }
      // Written, not committed, by the caller: the caller sees it; an imported snapshot does not.
      new RecordStore().insert(caller, ConsentStoresTest.entry(withdrawal(PSNS.get(1))));

      // The helper runs at once on the caller's thread, so it claims and reads every part.
      List<PatientRecords> helped =
          withoutCopy(database.app(), Runnable::run).of(caller, PSNS, "LU", AS_READ);

      assertEquals(PSNS.size(), helped.size());
      for (PatientRecords patient : helped) {
        assertEquals(1, patient.records().size(), patient.patient().psn());
        assertEquals(RecordKind.CONSENT, patient.records().get(0).kind());
      }
      // What the caller's own connection reads: its own write, still not the later commits.
      Map<String, PatientRecords> own = byPsn(new PatientStateStore().of(caller, PSNS, "LU"));
      assertEquals(2, own.get(PSNS.get(1)).records().size());
      assertEquals(1, own.get(first).records().size());
      assertEquals(1, own.get(last).records().size());
      caller.rollback();
    }
  }

  @Test
  void theTwoReadersTogetherReadExactlyWhatOneConnectionReads() throws Exception {
    ExecutorService helpers = Executors.newSingleThreadExecutor();
    try (Connection caller = Snapshots.taken(database.app())) {
      List<String> asked = new ArrayList<>(PSNS);
      asked.add("LU-99999"); // unknown
      asked.add("FR-80001"); // another jurisdiction's pseudonym, unknown here
      Map<String, PatientRecords> alone = byPsn(new PatientStateStore().of(caller, asked, "LU"));
      SharedSnapshotRead read = withoutCopy(database.app(), helpers);
      // More reads on one connection than the driver's threshold for server-side statements,
      // after which it reads some columns in binary form.
      for (int round = 0; round < 7; round++) {
        List<PatientRecords> shared = read.of(caller, asked, "LU", AS_READ);
        assertEquals(PSNS.size(), shared.size(), "each patient once, the unknown ones absent");
        assertEquals(alone, byPsn(shared));
      }
      assertEquals(Set.of(Patient.Cohort.IBD), alone.get(PSNS.get(5)).patient().cohorts());
      caller.rollback();
    } finally {
      helpers.shutdown();
    }
  }

  @Test
  void aStartedReadFinishesAfterTheCallerDidOtherWorkInItsTransaction() throws Exception {
    ExecutorService helpers = Executors.newSingleThreadExecutor();
    try (Connection caller = Snapshots.taken(database.app())) {
      Map<String, PatientRecords> alone = byPsn(new PatientStateStore().of(caller, PSNS, "LU"));
      SharedSnapshotRead read = withoutCopy(database.app(), helpers);
      SharedSnapshotRead.Reading<PatientRecords> reading = read.start(caller, PSNS, "LU", AS_READ);
      // What the release gate does meanwhile: more of its grounds, on the same connection.
      try (Statement grounds = caller.createStatement();
          java.sql.ResultSet row =
              grounds.executeQuery("SELECT count(*) FROM consent.patient WHERE psn LIKE 'LU-%'")) {
        row.next();
        assertTrue(row.getLong(1) >= PSNS.size());
      }
      assertEquals(alone, byPsn(reading.finish(caller)));
      reading.abandon(); // after finish: nothing to stop
      caller.rollback();
    } finally {
      helpers.shutdown();
    }
  }

  @Test
  void anAbandonedReadStopsItsHelperQuietlyEvenAfterTheCallersTransactionEnded() throws Exception {
    List<Runnable> later = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger connections =
        new java.util.concurrent.atomic.AtomicInteger();
    DataSource counted =
        new NoConnections() {
          @Override
          public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return database.app().getConnection();
          }
        };
    List<LogRecord> logged =
        logged(
            () -> {
              try (Connection caller = Snapshots.taken(database.app())) {
                withoutCopy(counted, later::add).start(caller, PSNS, "LU", AS_READ).abandon();
                caller.rollback();
              }
              // The helper's thread comes only now, after the refusal ended the caller's
              // transaction.
              assertEquals(1, later.size());
              later.forEach(Runnable::run);
            });
    assertEquals(0, connections.get(), "nothing left to read: no connection taken");
    assertEquals(List.of(), logged);
  }

  @Test
  void withoutAThreadOrAConnectionForTheHelperTheCallerReadsEverything() throws Exception {
    try (Connection caller = Snapshots.taken(database.app())) {
      Map<String, PatientRecords> alone = byPsn(new PatientStateStore().of(caller, PSNS, "LU"));
      SharedSnapshotRead noThread =
          withoutCopy(
              database.app(),
              task -> {
                throw new RejectedExecutionException("busy");
              });
      assertEquals(alone, byPsn(noThread.of(caller, PSNS, "LU", AS_READ)));
      SharedSnapshotRead noConnection = withoutCopy(new NoConnections(), Runnable::run);
      assertEquals(alone, byPsn(noConnection.of(caller, PSNS, "LU", AS_READ)));
      caller.rollback();
    }
  }

  @Test
  void aFailingHelperIsAWarningOnceSoTheOperatorHearsOfItNotOnEveryDecision() throws Exception {
    List<LogRecord> logged =
        logged(
            () -> {
              try (Connection caller = Snapshots.taken(database.app())) {
                SharedSnapshotRead noConnection = withoutCopy(new NoConnections(), Runnable::run);
                for (int decision = 0; decision < 3; decision++) {
                  assertEquals(PSNS.size(), noConnection.of(caller, PSNS, "LU", AS_READ).size());
                }
                caller.rollback();
              }
            });
    assertEquals(
        List.of(Level.WARNING, Level.FINE, Level.FINE),
        logged.stream().map(LogRecord::getLevel).toList());
    assertTrue(logged.get(0).getMessage().contains("ClinnovaSnapshotDS"));
  }

  /** What {@link SharedSnapshotRead} logs, at any level, while {@code work} runs. */
  private static List<LogRecord> logged(Work work) throws Exception {
    Logger log = Logger.getLogger(SharedSnapshotRead.class.getName());
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level before = log.getLevel();
    log.setLevel(Level.ALL);
    log.addHandler(handler);
    try {
      work.run();
    } finally {
      log.removeHandler(handler);
      log.setLevel(before);
    }
    return logged;
  }

  private interface Work {
    void run() throws Exception;
  }

  @Test
  void aSmallReadStaysOnTheCallersConnection() throws Exception {
    try (Connection caller = Snapshots.taken(database.app())) {
      List<String> few = PSNS.subList(10, 20); // none another test withdraws
      SharedSnapshotRead read =
          withoutCopy(
              new NoConnections(),
              task -> {
                throw new AssertionError("a small read asks no helper");
              });
      List<PatientRecords> states = read.of(caller, few, "LU", AS_READ);
      assertEquals(
          few,
          states.stream().map(p -> p.patient().psn()).sorted(Comparator.naturalOrder()).toList());
      assertFalse(states.isEmpty());
      assertTrue(states.stream().allMatch(p -> p.records().size() == 1));
      caller.rollback();
    }
  }

  /** The read without a copy of the states: the two-connection read of ADR 0014 alone. */
  private static SharedSnapshotRead withoutCopy(
      DataSource helpers, java.util.concurrent.Executor executor) {
    return new SharedSnapshotRead(helpers, executor, new PatientStateCopy());
  }

  private static ConsentRecord withdrawal(String psn) {
    return ConsentStoresTest.withdrawal(psn, ConsentStoresTest.T0.plusSeconds(100_000), Set.of());
  }

  static Map<String, PatientRecords> byPsn(List<PatientRecords> read) {
    Map<String, PatientRecords> byPsn = new java.util.HashMap<>();
    read.forEach(p -> assertEquals(null, byPsn.put(p.patient().psn(), p), p.patient().psn()));
    return byPsn;
  }

  /** A pool with no connection to give. */
  private static class NoConnections implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("no connection free");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
