package eu.clinnova.audit.service;

import eu.clinnova.audit.log.AuditEvent;
import eu.clinnova.audit.log.AuditLogUnavailableException;
import eu.clinnova.audit.log.CheckpointSigner;
import eu.clinnova.audit.log.EntrySearch;
import eu.clinnova.audit.log.LogProofs;
import eu.clinnova.audit.log.LogSequencer;
import eu.clinnova.audit.log.LogStore;
import eu.clinnova.audit.log.LoggedEntry;
import eu.clinnova.audit.log.StoredCheckpoint;
import eu.clinnova.audit.log.StoredEntry;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import eu.clinnova.audit.note.SigningKeyFile;
import eu.clinnova.audit.verifier.LogSource;
import eu.clinnova.audit.verifier.LogVerifier;
import eu.clinnova.audit.verifier.VerificationReport;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The portal's audit log. Every state change calls {@link #record} inside its transaction, so the
 * change and its entry commit or roll back together; the release gate calls {@link #recordDurably},
 * which returns only once the entry is committed to the log.
 */
@ApplicationScoped
public class AuditLogService implements AuditTrail {

  /** How long a durable append may take before the caller must assume the log is down. */
  static final Duration DURABLE_TIMEOUT = Duration.ofSeconds(5);

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource transactional;

  @Resource(lookup = "java:jboss/datasources/ClinnovaLogDS")
  private DataSource sequencerConnections;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  private ManagedThreadFactory threads;

  @Resource private TransactionSynchronizationRegistry transactions;

  private final LogStore store = new LogStore();
  private final LogProofs proofs = new LogProofs(store);
  private volatile LogSequencer sequencer;
  private volatile CheckpointSigner signer;

  /** Loads (or, in development, creates) the signing key and starts the sequencer. */
  public synchronized void start(AuditLogSettings settings) throws IOException {
    if (sequencer != null) {
      return;
    }
    NoteKey key = SigningKeyFile.loadOrCreate(settings.signingKeyFile(), settings.origin());
    signer = new CheckpointSigner(settings.origin(), key);
    LogSequencer started = new LogSequencer(sequencerConnections, store, signer, Clock.systemUTC());
    started.start(threads);
    sequencer = started;
  }

  @PreDestroy
  void stop() {
    if (sequencer != null) {
      sequencer.close();
    }
  }

  /** Records {@code event} in the current JTA transaction; it is logged after the commit. */
  @Override
  public PendingAudit record(AuditEvent event) {
    LogSequencer current = running();
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("record() needs an active transaction; use recordDurably()");
    }
    try (Connection connection = transactional.getConnection()) {
      long pendingId =
          store.insertPending(
              connection, Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS), event);
      PendingAudit pending = new PendingAudit(pendingId, current.expect(pendingId));
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                current.wake();
              } else {
                current.forget(pendingId);
              }
            }
          });
      return pending;
    } catch (SQLException e) {
      throw new AuditLogUnavailableException("the audit entry could not be written", e);
    }
  }

  /** Records all {@code events} in the current JTA transaction with one insert. */
  @Override
  public void recordAll(List<AuditEvent> events) {
    LogSequencer current = running();
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("recordAll() needs an active transaction");
    }
    try (Connection connection = transactional.getConnection()) {
      store.insertPendingAll(
          connection, Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS), events);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                current.wake();
              }
            }
          });
    } catch (SQLException e) {
      throw new AuditLogUnavailableException("the audit entries could not be written", e);
    }
  }

  /** Logs {@code event} in its own commit and returns once it is durable. */
  public LoggedEntry recordDurably(AuditEvent event) {
    try {
      return running().submit(event).get(DURABLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof AuditLogUnavailableException unavailable
          ? unavailable
          : new AuditLogUnavailableException("the audit log failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AuditLogUnavailableException("the audit log did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditLogUnavailableException("interrupted while logging", e);
    }
  }

  /**
   * The newest signed checkpoint; for an empty log, a freshly signed one of size 0. Read from the
   * database, not from this instance's sequencer: another instance may have written since (ADR
   * 0030), and a client that saw its checkpoint must never be shown an older one here.
   */
  public String checkpoint() {
    running();
    return newest().map(StoredCheckpoint::note).orElseGet(() -> signer.sign(0, Hashes.emptyRoot()));
  }

  /** The size of the tree the newest checkpoint signs (read as {@link #checkpoint()}). */
  public long treeSize() {
    running();
    return newest().map(StoredCheckpoint::treeSize).orElse(0L);
  }

  private java.util.Optional<StoredCheckpoint> newest() {
    return read(store::latestCheckpoint);
  }

  /** The log's name: the checkpoint origin. */
  public String origin() {
    running();
    return signer.origin();
  }

  public String verifierKey() {
    running();
    return signer.verifierKey();
  }

  public List<StoredEntry> entries(long start, int limit) {
    return read(connection -> store.entries(connection, start, limit));
  }

  public List<StoredEntry> search(EntrySearch search) {
    return read(connection -> store.search(connection, search));
  }

  /** Verifies the whole log as an outside verifier would, reading it from the database. */
  public VerificationReport verify(String savedCheckpoint, LongConsumer progress) {
    LogSource stored =
        new LogSource() {
          @Override
          public String checkpoint() {
            return AuditLogService.this.checkpoint();
          }

          @Override
          public List<LogSource.Entry> entries(long start, int limit) {
            return AuditLogService.this.entries(start, limit).stream()
                .map(entry -> new LogSource.Entry(entry.index(), entry.leaf(), null))
                .toList();
          }

          @Override
          public List<byte[]> inclusionProof(long index, long size) {
            return AuditLogService.this.inclusionProof(index, size);
          }

          @Override
          public List<byte[]> consistencyProof(long from, long to) {
            return AuditLogService.this.consistencyProof(from, to);
          }
        };
    return new LogVerifier(stored, NoteVerifier.of(verifierKey()), 64, progress)
        .verify(savedCheckpoint);
  }

  public List<byte[]> inclusionProof(long index, long size) {
    return read(connection -> proofs.inclusion(connection, index, size));
  }

  public List<byte[]> consistencyProof(long from, long to) {
    return read(connection -> proofs.consistency(connection, from, to));
  }

  public boolean isRunning() {
    return sequencer != null;
  }

  private <T> T read(SqlRead<T> read) {
    try (Connection connection = sequencerConnections.getConnection()) {
      connection.setReadOnly(true);
      return read.apply(connection);
    } catch (SQLException e) {
      throw new AuditLogUnavailableException("the audit log cannot be read", e);
    }
  }

  private LogSequencer running() {
    LogSequencer current = sequencer;
    if (current == null) {
      throw new AuditLogUnavailableException("the audit log is not started", null);
    }
    return current;
  }

  @FunctionalInterface
  private interface SqlRead<T> {
    T apply(Connection connection) throws SQLException;
  }
}
