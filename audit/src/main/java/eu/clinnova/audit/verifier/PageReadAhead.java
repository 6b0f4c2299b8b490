package eu.clinnova.audit.verifier;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The log's pages, read one ahead of the verifier: while a page is checked, the next one is on its
 * way (over the API the server's work and the transfer of a page took as long as checking it). One
 * read at a time, in order, on one thread of its own.
 */
final class PageReadAhead implements AutoCloseable {

  private final LogSource source;
  private final long size;
  private final int pageSize;
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "log-page-reader");
            thread.setDaemon(true);
            return thread;
          });
  private Future<List<LogSource.Entry>> ahead;
  private long next;

  /** Starts reading the first page of entries {@code [start, size)}. */
  PageReadAhead(LogSource source, long start, long size, int pageSize) {
    this.source = source;
    this.size = size;
    this.pageSize = pageSize;
    this.next = start;
    this.ahead = next < size ? read() : null;
  }

  /**
   * The page that starts where the previous one ended (the next one is then requested); empty when
   * every entry up to the size was read, or when the source has no more.
   */
  List<LogSource.Entry> next() throws Exception {
    if (ahead == null) {
      return List.of();
    }
    List<LogSource.Entry> page;
    try {
      page = ahead.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    next += page.size();
    ahead = page.isEmpty() || next >= size ? null : read();
    return page;
  }

  private Future<List<LogSource.Entry>> read() {
    long start = next;
    int limit = (int) Math.min(pageSize, size - start);
    return reader.submit(() -> source.entries(start, limit));
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
