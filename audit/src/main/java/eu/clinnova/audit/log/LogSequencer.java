package eu.clinnova.audit.log;

import eu.clinnova.audit.merkle.Frontier;
import eu.clinnova.audit.merkle.Hashes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The log's single writer. It takes what is waiting (events committed in their callers'
 * transactions, and events submitted to be logged durably), gives them consecutive indexes, and
 * commits their leaves, the subtree hashes they complete and a signed checkpoint in one
 * transaction; only then are the waiting callers told their index. Whatever arrives while a commit
 * is under way goes into the next one, so many concurrent appends cost few commits, and the order
 * of leaves is the order of those commits: no gaps, no duplicates.
 *
 * <p>If a commit fails, callers of {@link #submit} get {@link AuditLogUnavailableException} (and
 * must not proceed); entries committed by callers' transactions stay pending and are logged when
 * the database is back (ADR 0006).
 *
 * <p>Every portal instance on the database runs one, and each writes its batches under one advisory
 * lock (ADR 0030): one batch is written at a time, each starts from the tree as the last one left
 * it (the frontier is read again when another instance wrote since), and it moves every committed
 * pending entry, whichever instance's caller wrote it. A caller waiting for an entry that another
 * instance moved finds it by its pending id. An instance that dies mid-batch loses its transaction
 * and its lock with its session: the next batch, of any instance, takes over at once.
 */
public final class LogSequencer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LogSequencer.class.getName());
  static final int MAX_BATCH = 2_000;
  private static final long PENDING_SCAN_MILLIS = 250;

  /**
   * How long a batch waits for another instance's batch before giving up (its callers get 503):
   * well under the durable callers' timeout, far above a batch's commit.
   */
  static final String LOCK_TIMEOUT = "3s";

  private record Submission(
      Instant time,
      AuditEvent event,
      LeafEncoding.Template leaf,
      CompletableFuture<LoggedEntry> done) {}

  private final DataSource dataSource;
  private final LogStore store;
  private final CheckpointSigner signer;
  private final Clock clock;
  private final BlockingQueue<Submission> submissions = new LinkedBlockingQueue<>();
  private final Map<Long, CompletableFuture<LoggedEntry>> awaited = new ConcurrentHashMap<>();
  private final AtomicBoolean pendingSignalled = new AtomicBoolean(true);
  private final Object wakeUp = new Object();

  private volatile boolean running;
  private volatile Thread thread;
  private volatile StoredCheckpoint latest;
  private Frontier frontier;

  /** The tree's size when this sequencer last read or wrote it: entries from here on are new. */
  private long knownSize;

  private long lastPendingScan;
  private Connection connection;

  public LogSequencer(DataSource dataSource, LogStore store, CheckpointSigner signer, Clock clock) {
    this.dataSource = dataSource;
    this.store = store;
    this.signer = signer;
    this.clock = clock;
  }

  public synchronized void start(ThreadFactory threads) {
    if (running) {
      return;
    }
    running = true;
    thread = threads.newThread(this::run);
    thread.setName("audit-log-sequencer");
    thread.start();
  }

  /** Logs {@code event} durably in its own commit; the future completes once it is committed. */
  public CompletableFuture<LoggedEntry> submit(AuditEvent event) {
    CompletableFuture<LoggedEntry> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(
          new AuditLogUnavailableException("the audit log is not running", null));
      return done;
    }
    Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    submissions.add(new Submission(time, event, LeafEncoding.template(time, event), done));
    return done;
  }

  /**
   * Registers interest in a pending entry before its transaction commits; the future completes when
   * the sequencer has logged it.
   */
  public CompletableFuture<LoggedEntry> expect(long pendingId) {
    return awaited.computeIfAbsent(pendingId, id -> new CompletableFuture<>());
  }

  /** The pending entry's transaction rolled back: nobody will log it. */
  public void forget(long pendingId) {
    CompletableFuture<LoggedEntry> future = awaited.remove(pendingId);
    if (future != null) {
      future.cancel(false);
    }
  }

  /** Pending entries were committed: look for them now rather than at the next scan. */
  public void wake() {
    pendingSignalled.set(true);
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  /** The checkpoint of the last commit, if the log has any entry. */
  public Optional<StoredCheckpoint> latest() {
    return Optional.ofNullable(latest);
  }

  private void run() {
    while (running) {
      List<Submission> fresh = new ArrayList<>();
      try {
        Submission first = submissions.poll();
        if (first == null && !pendingDue()) {
          first = awaitWork();
        }
        if (first != null) {
          fresh.add(first);
          submissions.drainTo(fresh, MAX_BATCH - 1);
        }
        if (fresh.isEmpty() && !pendingDue()) {
          continue;
        }
        commit(fresh);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(fresh, e);
        break;
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "The audit log could not commit a batch; retrying", e);
        fail(fresh, e);
        frontier = null;
        pause(200);
      }
    }
    fail(new ArrayList<>(submissions), new IllegalStateException("the audit log stopped"));
    dropConnection();
  }

  private Submission awaitWork() throws InterruptedException {
    Submission next = submissions.poll(20, TimeUnit.MILLISECONDS);
    if (next == null && !pendingSignalled.get()) {
      synchronized (wakeUp) {
        if (!pendingSignalled.get()) {
          wakeUp.wait(5);
        }
      }
    }
    return next;
  }

  private boolean pendingDue() {
    return pendingSignalled.get() || clock.millis() - lastPendingScan >= PENDING_SCAN_MILLIS;
  }

  /**
   * The sequencer keeps one connection for its commits (it is the log's only writer), and opens a
   * new one after any failure.
   */
  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection opened = dataSource.getConnection();
      try (java.sql.Statement statement = opened.createStatement()) {
        statement.execute("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
      } catch (SQLException e) {
        opened.close();
        throw e;
      }
      opened.setAutoCommit(false);
      connection = opened;
    }
    return connection;
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "closing a failed connection", e);
      }
      connection = null;
    }
  }

  private void commit(List<Submission> fresh) throws SQLException {
    Connection connection = connection();
    {
      try {
        // One batch at a time across the instances; statements after the lock see every batch
        // committed before it (read committed), so the tree is read where the last one left it.
        store.lockForBatch(connection);
        if (frontier == null || frontier.size() != store.signedSize(connection)) {
          frontier = store.frontier(connection);
          latest = store.latestCheckpoint(connection).orElse(null);
          completeLoggedElsewhere(connection);
        }
        List<PendingEntry> pending = List.of();
        // With fresh submissions, always: whatever committed before a durable event was handed in
        // (a consent the release gate's snapshot saw, on this instance or another) is logged before
        // it, so that the log's order never puts a decision before a change it took into account
        // (the replay, ADR 0018). Another instance's entries are not awaited here, so this one
        // cannot know whether any is waiting without looking.
        if (pendingDue() || !fresh.isEmpty()) {
          pendingSignalled.set(false);
          lastPendingScan = clock.millis();
          pending = store.pending(connection, MAX_BATCH - fresh.size());
        }
        // A full batch of pending entries leaves more behind (a bulk import, a backlog after a
        // restart): the next batch looks again at once instead of a scan interval later.
        boolean backlog = !pending.isEmpty() && pending.size() == MAX_BATCH - fresh.size();
        if (pending.isEmpty() && fresh.isEmpty()) {
          connection.rollback();
          return;
        }
        Frontier next = frontier.copy();
        List<StoredEntry> entries = new ArrayList<>(pending.size() + fresh.size());
        List<Frontier.Node> nodes = new ArrayList<>();
        for (PendingEntry entry : pending) {
          entries.add(
              append(
                  next,
                  nodes,
                  entry.occurredAt(),
                  entry.event(),
                  LeafEncoding.template(entry.occurredAt(), entry.event())));
        }
        for (Submission submission : fresh) {
          entries.add(
              append(next, nodes, submission.time(), submission.event(), submission.leaf()));
        }
        byte[] root = next.root();
        StoredCheckpoint checkpoint =
            new StoredCheckpoint(
                next.size(), root, signer.sign(next.size(), root), clock.instant());
        store.append(
            connection,
            new LogStore.Batch(
                entries, nodes, checkpoint, pending.stream().map(PendingEntry::id).toList()));
        connection.commit();
        frontier = next;
        knownSize = next.size();
        latest = checkpoint;
        if (backlog) {
          pendingSignalled.set(true);
        }
        for (int i = 0; i < pending.size(); i++) {
          CompletableFuture<LoggedEntry> waiting = awaited.remove(pending.get(i).id());
          if (waiting != null) {
            waiting.complete(logged(entries.get(i), checkpoint));
          }
        }
        for (int i = 0; i < fresh.size(); i++) {
          fresh.get(i).done().complete(logged(entries.get(pending.size() + i), checkpoint));
        }
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        dropConnection();
        throw e;
      }
    }
  }

  /**
   * Another instance wrote since this one last did: the entries awaited here that its batches moved
   * are complete, with the newest checkpoint (which covers them).
   */
  private void completeLoggedElsewhere(Connection connection) throws SQLException {
    long from = knownSize;
    knownSize = frontier.size();
    if (awaited.isEmpty() || latest == null) {
      return;
    }
    Map<Long, StoredEntry> logged =
        store.loggedFrom(connection, from, List.copyOf(awaited.keySet()));
    logged.forEach(
        (pendingId, entry) -> {
          CompletableFuture<LoggedEntry> waiting = awaited.remove(pendingId);
          if (waiting != null) {
            waiting.complete(logged(entry, latest));
          }
        });
  }

  /**
   * Appends one event to {@code frontier}: its leaf, leaf hash and the subtree hashes it completes.
   */
  static StoredEntry append(
      Frontier frontier,
      List<Frontier.Node> nodes,
      Instant time,
      AuditEvent event,
      LeafEncoding.Template template) {
    long index = frontier.size();
    byte[] leaf = template.leaf(index);
    byte[] leafHash = Hashes.leaf(leaf);
    nodes.addAll(frontier.append(leafHash));
    return new StoredEntry(
        index,
        leaf,
        leafHash,
        time,
        event.action(),
        event.actor().sub(),
        event.actor().role(),
        event.subject().type(),
        event.subject().id());
  }

  private static LoggedEntry logged(StoredEntry entry, StoredCheckpoint checkpoint) {
    return new LoggedEntry(
        entry.index(), entry.leafHash(), checkpoint.treeSize(), checkpoint.note());
  }

  private static void fail(List<Submission> submissions, Throwable cause) {
    for (Submission submission : submissions) {
      submission
          .done()
          .completeExceptionally(
              new AuditLogUnavailableException("the audit log could not record the entry", cause));
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "rollback failed", e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
      try {
        current.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
