package eu.clinnova.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.clinnova.audit.canonical.CanonicalJson;
import eu.clinnova.audit.canonical.JsonReader;
import eu.clinnova.audit.merkle.InMemoryTree;
import eu.clinnova.audit.merkle.MerkleTree;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteKey;
import eu.clinnova.audit.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The verifier over an in-memory log read in pages, one ahead: a sound log passes and every entry
 * is seen once, in order; an entry shown differently from its leaf, a page that stops early and a
 * source that fails are reported.
 */
class LogVerifierTest {

  private static final NoteKey KEY = NoteKey.generate("clinnova.test/verifier");

  @Test
  void aSoundLogOfSeveralPagesVerifiesAndEachEntryIsObservedOnceInOrder() {
    Log log = new Log(2_345);
    List<Long> observed = new ArrayList<>();
    VerificationReport report =
        new LogVerifier(log, verifier(), 8, n -> {}, (index, leaf) -> observed.add(index))
            .verify(null);
    assertTrue(report.passed(), report.problems().toString());
    assertEquals(2_345, report.treeSize());
    assertEquals(2_345, observed.size());
    for (int i = 0; i < observed.size(); i++) {
      assertEquals(i, observed.get(i));
    }
    assertEquals(3, log.pagesRead.get(), "pages of 1,000, each read once");
  }

  @Test
  void anEntryShownDifferentlyFromItsLeafIsReported() {
    Log log = new Log(1_500);
    log.show =
        entry -> {
          if (entry.index() != 1_234) {
            return entry;
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> shown =
              new java.util.LinkedHashMap<>((Map<String, Object>) entry.shown());
          shown.put("action", "consent.withdrawn");
          return new LogSource.Entry(entry.index(), entry.leaf(), shown);
        };
    VerificationReport report = new LogVerifier(log, verifier(), 2, n -> {}).verify(null);
    assertFalse(report.passed());
    assertEquals(List.of("entry 1234 is shown differently from its leaf"), report.problems());
  }

  @Test
  void aSourceThatStopsServingOrFailsIsReported() {
    Log short_ = new Log(2_500);
    short_.servedUpTo = 2_000;
    VerificationReport stopped = new LogVerifier(short_, verifier(), 2, n -> {}).verify(null);
    assertFalse(stopped.passed());
    assertTrue(
        stopped.problems().contains("the log serves 2000 entries, its checkpoint claims 2500"),
        stopped.problems().toString());

    Log failing = new Log(2_500);
    failing.failAt = 1_000;
    VerificationReport failed = new LogVerifier(failing, verifier(), 2, n -> {}).verify(null);
    assertFalse(failed.passed());
    assertTrue(
        failed.problems().contains("the entries cannot be read: the server went away"),
        failed.problems().toString());
  }

  private static NoteVerifier verifier() {
    return NoteVerifier.of(KEY.verifierKey());
  }

  /** A log of {@code size} entries, served from memory as the API serves it. */
  private static final class Log implements LogSource {
    private final List<byte[]> leaves = new ArrayList<>();
    private final InMemoryTree tree = new InMemoryTree();
    private final AtomicInteger pagesRead = new AtomicInteger();
    private UnaryOperator<Entry> show = UnaryOperator.identity();
    private long servedUpTo = Long.MAX_VALUE;
    private long failAt = -1;

    Log(int size) {
      for (int i = 0; i < size; i++) {
        byte[] leaf =
            CanonicalJson.bytes(Map.of("action", "consent.recorded", "index", (long) i, "v", 1L));
        leaves.add(leaf);
        tree.append(leaf);
      }
    }

    @Override
    public String checkpoint() {
      long size = leaves.size();
      byte[] root = new MerkleTree(tree).root(size);
      return KEY.sign(new Checkpoint("clinnova.test/verifier", size, root).body());
    }

    @Override
    public List<Entry> entries(long start, int limit) throws Exception {
      pagesRead.incrementAndGet();
      if (start == failAt) {
        throw new java.io.IOException("the server went away");
      }
      List<Entry> page = new ArrayList<>();
      for (long i = start; i < Math.min(leaves.size(), Math.min(servedUpTo, start + limit)); i++) {
        byte[] leaf = leaves.get((int) i);
        page.add(
            show.apply(
                new Entry(i, leaf, JsonReader.parse(new String(leaf, StandardCharsets.UTF_8)))));
      }
      return page;
    }

    @Override
    public List<byte[]> inclusionProof(long index, long size) {
      return new MerkleTree(tree).inclusionProof(index, size);
    }

    @Override
    public List<byte[]> consistencyProof(long from, long to) {
      return new MerkleTree(tree).consistencyProof(from, to);
    }
  }
}
