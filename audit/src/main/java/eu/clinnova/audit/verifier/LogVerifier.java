package eu.clinnova.audit.verifier;

import eu.clinnova.audit.canonical.JsonReader;
import eu.clinnova.audit.merkle.Frontier;
import eu.clinnova.audit.merkle.Hashes;
import eu.clinnova.audit.merkle.ProofVerifier;
import eu.clinnova.audit.note.Checkpoint;
import eu.clinnova.audit.note.NoteException;
import eu.clinnova.audit.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Checks a log against its verifier key, trusting nothing the server says without proof: the
 * checkpoint's signature; every leaf's bytes (canonical JSON whose index is its position),
 * re-hashed into the root the checkpoint signs; inclusion proofs for a sample of entries; and,
 * given a checkpoint saved earlier, that the log only grew since.
 */
public final class LogVerifier {

  static final int PAGE = 1000;

  private final LogSource source;
  private final NoteVerifier key;
  private final int samples;
  private final LongConsumer progress;
  private final EntryObserver observer;

  /** Told of every entry that parses, in log order, as the verifier reads it. */
  @FunctionalInterface
  public interface EntryObserver {
    void entry(long index, Map<String, Object> leaf);
  }

  /**
   * @param samples how many entries get an inclusion proof checked (the first and last always)
   * @param progress told how many entries have been checked, after each page
   */
  public LogVerifier(LogSource source, NoteVerifier key, int samples, LongConsumer progress) {
    this(source, key, samples, progress, (index, leaf) -> {});
  }

  /**
   * A verifier that also hands each entry to {@code observer} (the compliance replay reads the log
   * once, while it is verified).
   */
  public LogVerifier(
      LogSource source,
      NoteVerifier key,
      int samples,
      LongConsumer progress,
      EntryObserver observer) {
    this.source = source;
    this.key = key;
    this.samples = samples;
    this.progress = progress;
    this.observer = observer;
  }

  /** Verifies the whole log; {@code savedCheckpoint} (a signed note) may be null. */
  public VerificationReport verify(String savedCheckpoint) {
    List<String> problems = new ArrayList<>();
    Checkpoint current;
    String note;
    try {
      note = source.checkpoint();
      current = Checkpoint.verify(note, key);
    } catch (NoteException e) {
      return failed("the current checkpoint does not verify: " + e.getMessage());
    } catch (Exception e) {
      return failed("the checkpoint cannot be read: " + e.getMessage());
    }
    Checkpoint saved = null;
    if (savedCheckpoint != null) {
      try {
        saved = Checkpoint.verify(savedCheckpoint, key);
      } catch (NoteException e) {
        return failed("the saved checkpoint does not verify: " + e.getMessage());
      }
      if (!saved.origin().equals(current.origin())) {
        problems.add("the saved checkpoint is of another log: " + saved.origin());
      } else if (saved.size() > current.size()) {
        problems.add("the log shrank from " + saved.size() + " to " + current.size() + " entries");
      }
    }

    TreeSet<Long> sampled = sample(current.size());
    Map<Long, byte[]> sampledHashes = new HashMap<>();
    Frontier tree = Frontier.empty();
    long checked = 0;
    try (PageReadAhead pages = new PageReadAhead(source, 0, current.size(), PAGE)) {
      while (tree.size() < current.size()) {
        List<LogSource.Entry> page = pages.next();
        if (page.isEmpty()) {
          problems.add(
              "the log serves "
                  + tree.size()
                  + " entries, its checkpoint claims "
                  + current.size());
          break;
        }
        // Leaves are checked and hashed in parallel; the tree is then grown in order.
        List<Checked> results = page.parallelStream().map(LogVerifier::check).toList();
        for (int i = 0; i < page.size(); i++) {
          LogSource.Entry entry = page.get(i);
          long expected = tree.size();
          if (entry.index() != expected) {
            problems.add(
                "entry " + expected + " is missing or out of order (got " + entry.index() + ")");
            return report(current, note, checked, 0, false, problems);
          }
          problems.addAll(results.get(i).problems());
          if (results.get(i).parsed() != null) {
            observer.entry(expected, results.get(i).parsed());
          }
          byte[] leafHash = results.get(i).leafHash();
          if (sampled.contains(expected)) {
            sampledHashes.put(expected, leafHash);
          }
          tree.append(leafHash);
          checked++;
          if (saved != null
              && tree.size() == saved.size()
              && !MessageDigest.isEqual(tree.root(), saved.rootHash())) {
            problems.add(
                "the first "
                    + saved.size()
                    + " entries no longer hash to the saved checkpoint's root");
          }
          if (tree.size() == current.size()) {
            break;
          }
        }
        progress.accept(checked);
      }
    } catch (Exception e) {
      problems.add("the entries cannot be read: " + e.getMessage());
      return report(current, note, checked, 0, false, problems);
    }
    if (tree.size() == current.size() && !MessageDigest.isEqual(tree.root(), current.rootHash())) {
      problems.add(
          "the entries hash to "
              + base64(tree.root())
              + ", the checkpoint signs "
              + base64(current.rootHash()));
    }

    int proofs = 0;
    for (long index : sampled) {
      byte[] leafHash = sampledHashes.get(index);
      if (leafHash == null) {
        continue;
      }
      try {
        List<byte[]> proof = source.inclusionProof(index, current.size());
        if (!ProofVerifier.verifyInclusion(
            index, current.size(), leafHash, proof, current.rootHash())) {
          problems.add("the inclusion proof of entry " + index + " does not verify");
        }
        proofs++;
      } catch (Exception e) {
        problems.add(
            "the inclusion proof of entry " + index + " cannot be read: " + e.getMessage());
      }
    }

    boolean consistency = false;
    if (saved != null && saved.size() > 0 && saved.size() <= current.size()) {
      try {
        List<byte[]> proof = source.consistencyProof(saved.size(), current.size());
        consistency = true;
        if (!ProofVerifier.verifyConsistency(
            saved.size(), current.size(), saved.rootHash(), current.rootHash(), proof)) {
          problems.add(
              "the log is not consistent with the saved checkpoint of "
                  + saved.size()
                  + " entries");
        }
      } catch (Exception e) {
        problems.add("the consistency proof cannot be read: " + e.getMessage());
      }
    }
    return report(current, note, checked, proofs, consistency, problems);
  }

  /** One entry's leaf hash and what is wrong with its leaf, if anything. */
  private record Checked(byte[] leafHash, List<String> problems, Map<String, Object> parsed) {}

  private static Checked check(LogSource.Entry entry) {
    List<String> problems = new ArrayList<>(0);
    Map<String, Object> parsed = checkLeaf(entry, problems);
    return new Checked(Hashes.leaf(entry.leaf()), problems, parsed);
  }

  /**
   * The leaf parsed (null if it does not parse), with what is wrong with it in {@code problems}.
   */
  private static Map<String, Object> checkLeaf(LogSource.Entry entry, List<String> problems) {
    Map<String, Object> parsed;
    try {
      Object value = JsonReader.parseCanonical(new String(entry.leaf(), StandardCharsets.UTF_8));
      if (!(value instanceof Map)) {
        problems.add("entry " + entry.index() + " is not a JSON object");
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) value;
      parsed = object;
    } catch (IllegalArgumentException e) {
      problems.add("entry " + entry.index() + " is not RFC 8785 canonical JSON: " + e.getMessage());
      return null;
    }
    if (!Long.valueOf(entry.index()).equals(parsed.get("index"))) {
      problems.add("entry " + entry.index() + " says it is entry " + parsed.get("index"));
    }
    if (!Long.valueOf(1).equals(parsed.get("v"))) {
      problems.add("entry " + entry.index() + " has an unknown version " + parsed.get("v"));
    }
    // The entry shown beside the leaf must say the same: equal as JSON values (both parsed by the
    // same reader), whatever the server's spacing or escapes.
    if (entry.shown() != null && !entry.shown().equals(parsed)) {
      problems.add("entry " + entry.index() + " is shown differently from its leaf");
    }
    return parsed;
  }

  private TreeSet<Long> sample(long size) {
    TreeSet<Long> indexes = new TreeSet<>();
    if (size == 0) {
      return indexes;
    }
    indexes.add(0L);
    indexes.add(size - 1);
    Random random = new Random();
    while (indexes.size() < Math.min(size, Math.max(2, samples))) {
      indexes.add(Math.floorMod(random.nextLong(), size));
    }
    return indexes;
  }

  private static VerificationReport report(
      Checkpoint checkpoint,
      String note,
      long checked,
      int proofs,
      boolean consistency,
      List<String> problems) {
    return new VerificationReport(
        checkpoint.size(),
        base64(checkpoint.rootHash()),
        checked,
        proofs,
        consistency,
        note,
        List.copyOf(problems));
  }

  private static VerificationReport failed(String problem) {
    return new VerificationReport(0, "", 0, 0, false, null, List.of(problem));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
